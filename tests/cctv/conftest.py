"""Fixtures for the capture tests: the camera simulator and the small servers of
``capture_servers``, started once for the package's capture test modules."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer

import pytest

from cctv_bridge.simulator.controller import CameraSimulator
from tests.cctv.capture_servers import SIZE, Camera, SocketServer, stay_silent
from tests.harness.servers import free_port


@pytest.fixture
def silent():
    server = SocketServer(stay_silent)
    yield server
    server.close()


@pytest.fixture
def refused_port():
    return free_port()  # bound, then closed, never listened: connections are refused


@pytest.fixture(scope="package")
def camera():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Camera)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.daemon = True
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="package")
def sim():
    """Simulated cameras: 1, 4, 5 healthy, 2 offline, 3 hanging, 6 slow-drip."""
    with CameraSimulator(
        count=6, faults={2: "offline", 3: "hanging", 6: "slow-drip"}, size=SIZE, fps=10
    ) as simulator:
        yield simulator


@pytest.fixture
def rtsp(sim):
    if not sim.rtsp_enabled:
        pytest.skip(f"RTSP cameras unavailable: {sim.rtsp_reason}")
    return sim
