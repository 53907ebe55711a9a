"""Cutting the pictures out of an MJPEG (``multipart/x-mixed-replace``) byte stream."""

from __future__ import annotations

from cctv_bridge.capture.results import MAX_BODY_BYTES, NOT_AN_IMAGE, TOO_LARGE, CaptureFailure

#: Largest multipart part header block accepted.
MAX_PART_HEADERS = 8192


class MultipartJPEG:
    """Cuts pictures out of an MJPEG byte stream fed in arbitrary chunks.

    With a boundary: each part's headers are read, and its body is ``Content-Length`` bytes
    when the camera sends that header (most do), otherwise everything up to the next boundary.
    The boundary is looked for as declared, with or without the two dashes RFC 2046 puts in
    front (cameras disagree). Without one (cameras that send bare concatenated JPEGs), or when
    the declared one never shows up: from each SOI marker to the next EOI marker.
    """

    #: Bytes seen without any boundary before falling back to JPEG markers.
    BOUNDARY_GIVE_UP = 1024 * 1024

    def __init__(self, boundary: bytes | None) -> None:
        self.token = boundary
        self.buf = bytearray()
        self.seen_boundary = False

    def feed(self, data: bytes) -> list[bytes]:
        """The pictures completed by ``data`` (possibly none)."""
        self.buf += data
        if self.token and not self.seen_boundary:
            fresh = max(len(self.buf) - len(data) - len(self.token), 0)  # only the new bytes
            if self.buf.find(self.token, fresh) >= 0:
                self.seen_boundary = True
            elif len(self.buf) > self.BOUNDARY_GIVE_UP:
                self.token = None  # everything so far is still in the buffer
            else:
                return []
        return self._parts() if self.token else self._markers()

    def _parts(self) -> list[bytes]:
        assert self.token is not None
        out: list[bytes] = []
        buf = self.buf
        while True:
            start = buf.find(self.token)
            if start < 0:
                # keep a tail that may hold the start of a boundary
                del buf[: max(len(buf) - len(self.token), 0)]
                return out
            head_end = buf.find(b"\r\n\r\n", start)
            if head_end < 0:
                if len(buf) - start > MAX_PART_HEADERS:
                    raise CaptureFailure(NOT_AN_IMAGE, "malformed multipart headers")
                del buf[:start]
                return out
            headers = bytes(buf[start + len(self.token) : head_end]).split(b"\r\n")
            body_start = head_end + 4
            length = None
            for line in headers:
                name, _colon, value = line.partition(b":")
                if name.strip().lower() == b"content-length" and value.strip().isdigit():
                    length = int(value.strip())
            if length is not None:
                if length > MAX_BODY_BYTES:
                    raise CaptureFailure(TOO_LARGE, "a picture in the stream is over the size cap")
                if len(buf) < body_start + length:
                    del buf[:start]
                    return out
                out.append(bytes(buf[body_start : body_start + length]))
                del buf[: body_start + length]
                continue
            end = buf.find(self.token, body_start)
            if end < 0:
                del buf[:start]
                return out
            body = bytes(buf[body_start:end]).rstrip(b"-")  # the delimiter's leading dashes
            out.append(body[:-2] if body.endswith(b"\r\n") else body)
            del buf[:end]

    def _markers(self) -> list[bytes]:
        out: list[bytes] = []
        buf = self.buf
        while True:
            soi = buf.find(b"\xff\xd8\xff")
            if soi < 0:
                del buf[: max(len(buf) - 2, 0)]
                return out
            eoi = buf.find(b"\xff\xd9", soi + 3)
            if eoi < 0:
                del buf[:soi]
                return out
            out.append(bytes(buf[soi : eoi + 2]))
            del buf[: eoi + 2]
