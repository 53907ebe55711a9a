"""Security headers: a strict Content-Security-Policy for the public site and a looser one for
the Wagtail admin, whose own templates use inline scripts and styles.

Public templates carry no inline script, style or event handler (charts are SVG styled from
site.css), so the public policy has no ``unsafe-inline``; a test keeps it that way.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts

from config.csp_policy import ADMIN_DIRECTIVES


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under ``/admin/``."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = ADMIN_DIRECTIVES
        return parts
