"""Pictures in and out: camera JPEG/PNG bytes to checked BGR frames, and frames to stored JPEGs.

Decoding checks the header first (format and pixel count) so a hostile body cannot make the
decoder allocate gigabytes; encoding shrinks a frame to the stored snapshot width. OpenCV is used
here so that the rest of the bridge (``probing``) needs no ``cv2``.
"""

from __future__ import annotations

import struct

import cv2
import numpy as np

from cctv_bridge.capture.results import MAX_PIXELS, NOT_AN_IMAGE, TOO_LARGE, CaptureFailure

#: Stored snapshots are at most this wide: enough to see what is wrong, small in the database.
SNAPSHOT_WIDTH = 960

JPEG_SOI = b"\xff\xd8"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def picture_size(data: bytes | bytearray | memoryview) -> tuple[int, int]:
    """(width, height) from a JPEG or PNG header, without decoding.

    Only JPEG and PNG are accepted: cameras send JPEG, and OpenCV's rarer decoders (TIFF,
    JPEG 2000, …) are attack surface a snapshot does not need.
    """
    view = memoryview(data)
    if bytes(view[:8]) == PNG_MAGIC:
        if len(view) < 24 or bytes(view[12:16]) != b"IHDR":
            raise CaptureFailure(NOT_AN_IMAGE, "truncated PNG header")
        width, height = struct.unpack(">II", view[16:24])
        return width, height
    if bytes(view[:2]) != JPEG_SOI:
        raise CaptureFailure(NOT_AN_IMAGE, "the camera did not send a JPEG or PNG picture")
    pos, end = 2, len(view)
    while pos + 4 <= end:
        if view[pos] != 0xFF:
            raise CaptureFailure(NOT_AN_IMAGE, "damaged JPEG header")
        marker = view[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", view[pos + 2 : pos + 4])
        if marker in _SOF_MARKERS:
            if pos + 9 > end:
                break
            height, width = struct.unpack(">HH", view[pos + 5 : pos + 9])
            return width, height
        if marker == 0xDA:  # start of scan before any frame header
            break
        pos += 2 + length
    raise CaptureFailure(NOT_AN_IMAGE, "JPEG without a frame header")


def decode_picture(data: bytes | bytearray | memoryview) -> np.ndarray:
    """A BGR frame from JPEG/PNG bytes; ``CaptureFailure`` when it is not one or is too big."""
    width, height = picture_size(data)
    if width <= 0 or height <= 0:
        raise CaptureFailure(NOT_AN_IMAGE, "picture with no size")
    if width * height > MAX_PIXELS:
        raise CaptureFailure(TOO_LARGE, f"picture of {width}x{height} pixels is over the cap")
    frame = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if frame is None or frame.size == 0:
        raise CaptureFailure(NOT_AN_IMAGE, "the picture did not decode")
    return frame


def snapshot_jpeg(frame: np.ndarray, max_width: int = SNAPSHOT_WIDTH) -> bytes:
    """``frame`` as a JPEG (quality 80) at most ``max_width`` wide, for storing; b"" if it fails."""
    height, width = frame.shape[:2]
    if width > max_width:
        frame = cv2.resize(frame, (max_width, round(height * max_width / width)), cv2.INTER_AREA)
    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 80])
    return encoded.tobytes() if ok else b""
