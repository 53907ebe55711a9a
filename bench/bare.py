"""A raw WSGI callable returning a constant page: the ceiling of gunicorn on this machine."""

BODY = b"<!DOCTYPE html><html lang='uk'><title>bare</title><p>ok</p></html>"


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(BODY)))])
    return [BODY]
