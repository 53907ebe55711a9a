from cctv_bridge.models.cameras import Camera, Maintenance
from cctv_bridge.models.observations import (
    DailyUptime,
    DutyShift,
    Incident,
    Probe,
    Snapshot,
    SnapshotAccess,
)

__all__ = [
    "Camera",
    "DailyUptime",
    "DutyShift",
    "Incident",
    "Maintenance",
    "Probe",
    "Snapshot",
    "SnapshotAccess",
]
