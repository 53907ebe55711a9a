"""Words for a camera's state: full detail for operators, plain causes for the public.

Stored details are codes and numbers; the sentences are built when read, in the reader's
language (see ``analysis.messages``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cctv_bridge.analysis import Check
from cctv_bridge.capture.results import describe_error

#: What the public may read about a cause: the kind of problem, nothing about the place,
#: the stream or the measurements.
PUBLIC_CAUSES = {
    "dark": _("the picture is dark"),
    "frozen": _("the picture is frozen"),
    "blurred": _("the picture is out of focus"),
    "covered": _("the lens is covered"),
    "moved": _("the camera has been turned"),
}


def describe_detail(detail: dict) -> list[str]:
    """Sentences for operators: what each finding saw, or why the camera did not answer."""
    lines = [Check.from_dict(finding).message for finding in detail.get("findings", [])]
    if error := detail.get("error"):
        if error == "no_address":  # set by probing.capture_frames when the keys cannot open the URL
            lines.append(str(_("The stored stream address cannot be decrypted with the keys.")))
        else:
            lines.append(str(describe_error(error)))
    return lines


def public_cause(codes: list[str]) -> str:
    """The cause in plain words: a picture problem by name, any other code as "no answer"."""
    pictures = [str(PUBLIC_CAUSES[code]) for code in codes if code in PUBLIC_CAUSES]
    if pictures:
        return ", ".join(pictures)
    return str(_("the camera does not answer")) if codes else ""
