"""Sentences saying in words what a check saw, in the active language.

They are built when read (``Check.message``), not when the probe runs, so a stored check is
shown in the language of whoever reads it. Every sentence is a literal ``gettext`` msgid with
named python-format placeholders, for ``makemessages``.
"""

from __future__ import annotations

import colorsys
from typing import TYPE_CHECKING

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

if TYPE_CHECKING:
    from .health import Check


def _number(value: float, decimals: int = 0) -> str:
    return number_format(round(float(value), decimals), decimal_pos=decimals)


def _percent(share: float) -> str:
    """A 0-1 share as a percentage, with one decimal below 10 so that 0.2 does not read 0."""
    value = 100 * float(share)
    decimals = 1 if 0 < abs(value) < 10 and round(value, 1) != round(value) else 0
    return _("%(number)s per cent") % {"number": _number(value, decimals)}


def colour_name(b: float, g: float, r: float) -> str:
    """A plain colour word for a BGR colour (the dominant colour of a covered picture)."""
    hue, lightness, saturation = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    if lightness < 0.15:
        return pgettext("colour", "black")
    if saturation < 0.2 or lightness > 0.92:
        if lightness > 0.8:
            return pgettext("colour", "white")
        return pgettext("colour", "grey")
    degrees = hue * 360
    if degrees < 15 or degrees >= 330:
        return pgettext("colour", "red") if lightness > 0.3 else pgettext("colour", "brown")
    if degrees < 45:
        if lightness <= 0.4:
            return pgettext("colour", "brown")
        return pgettext("colour", "beige") if saturation < 0.35 else pgettext("colour", "orange")
    if degrees < 70:
        return pgettext("colour", "yellow")
    if degrees < 165:
        return pgettext("colour", "green")
    if degrees < 260:
        return pgettext("colour", "blue")
    if degrees < 300:
        return pgettext("colour", "purple")
    return pgettext("colour", "pink")


def _not_checked(reason: str) -> str:
    if reason == "dark":
        return _("Not checked: the picture is too dark.")
    if reason == "covered":
        return _("Not checked: the lens looks covered.")
    if reason == "blurred":
        return _("Not checked: the picture is too blurred to compare.")
    if reason == "no_reference":
        return _("Not checked: the camera has no reference picture yet.")
    if reason == "single":
        return _(
            "Not checked: only one frame was read and there is no earlier picture to compare "
            "it with."
        )
    return _("Not checked.")


def describe(check: Check) -> str:
    """The sentence for ``check``."""
    from .health import Status

    if check.status is Status.NOT_CHECKED:
        return _not_checked(check.reason)
    found = check.status is Status.FOUND
    describers = {
        "dark": _dark,
        "covered": _covered,
        "frozen": _frozen,
        "blurred": _blurred,
        "moved": _moved,
    }
    if check.code not in describers:
        return ""
    text, params = describers[check.code](check, found, dict(check.details))
    return text % params


Sentence = tuple[str, dict[str, str]]


def _dark(check: Check, found: bool, d: dict) -> Sentence:
    params = {
        "mean": _number(d["mean"]),
        "spread": _number(d["spread"], 1),
        "mean_limit": _number(d["mean_limit"]),
        "spread_limit": _number(d["spread_limit"]),
    }
    if found and check.reason == "black":
        text = _(
            "The picture is black: average brightness %(mean)s of 255 with almost no "
            "variation (spread %(spread)s). Nothing can be seen."
        )
    elif found:
        text = _(
            "The picture is too dark to make anything out: average brightness %(mean)s of "
            "255 (dark below %(mean_limit)s) and spread %(spread)s (dark below "
            "%(spread_limit)s)."
        )
    else:
        text = _("Brightness is normal: average %(mean)s of 255, spread %(spread)s.")
    return text, params


def _covered(check: Check, found: bool, d: dict) -> Sentence:
    params = {
        "share": _percent(d["share"]),
        "colour": colour_name(d["b"], d["g"], d["r"]),
        "edges": _percent(d["edges"]),
        "limit": _percent(check.threshold or 0),
    }
    if found:
        text = _(
            "The lens looks covered or obstructed: %(share)s of the picture is a single "
            "colour (%(colour)s) and there are almost no edges or texture (edges in "
            "%(edges)s of the picture, covered below %(limit)s)."
        )
    else:
        text = _(
            "The picture has texture: edges in %(edges)s of it; the most common colour "
            "(%(colour)s) fills %(share)s."
        )
    return text, params


def _frozen(check: Check, found: bool, d: dict) -> Sentence:
    params = {
        "frames": _number(d.get("frames", 0)),
        "changed": _percent(check.value or 0),
        "limit": _percent(check.threshold or 0),
    }
    if check.reason == "same_as_before":
        text = _("The picture is frozen: it is exactly the same as at the previous check.")
    elif check.reason == "changed_since":
        text = _("The picture has changed since the previous check.")
    elif check.reason == "persisting":
        text = _(
            "The picture is frozen: %(frames)s consecutive frames were identical, and it is "
            "the same picture as at the previous check."
        )
    elif found:
        text = _(
            "The picture did not change across %(frames)s consecutive frames: only "
            "%(changed)s of it changed, while a live picture changes more than %(limit)s "
            "even when nothing moves, through sensor noise alone."
        )
    else:
        text = _("The picture is live: %(changed)s of it changed between frames.")
    return text, params


def _blurred(check: Check, found: bool, d: dict) -> Sentence:
    if check.reason == "relative":
        params = {"ratio": _percent(check.value or 0), "limit": _percent(check.threshold or 0)}
        if found:
            text = _(
                "The picture is blurred or out of focus: it has %(ratio)s of the fine detail "
                "of the camera's reference picture (blurred below %(limit)s)."
            )
        else:
            text = _("The picture is sharp: %(ratio)s of the fine detail of the reference picture.")
        return text, params
    params = {"value": _number(check.value or 0, 3), "limit": _number(check.threshold or 0, 3)}
    if found:
        text = _(
            "The picture is blurred or out of focus: it has almost no fine detail (sharpness "
            "%(value)s, blurred below %(limit)s). There is no reference picture of this "
            "camera to compare with yet."
        )
    else:
        text = _(
            "The picture has fine detail (sharpness %(value)s); there is no reference picture "
            "of this camera to compare with yet."
        )
    return text, params


def _moved(check: Check, found: bool, d: dict) -> Sentence:
    from .health import Status

    params = {
        "keypoints": _number(d.get("keypoints", 0)),
        "matches": _number(d.get("matches", 0)),
        "inliers": _number(d.get("inliers", 0)),
        "needed": _number(d.get("needed", 0)),
    }
    if check.status is Status.INCONCLUSIVE:
        if check.reason == "few_features":
            text = _(
                "Could not tell whether the camera has moved: the picture shows too little "
                "detail (%(keypoints)s distinct points) to compare with the reference picture."
            )
        elif check.reason == "few_matches":
            text = _(
                "Could not tell whether the camera has moved: only %(matches)s points of the "
                "picture match the reference picture and at least %(needed)s are needed. The "
                "camera may have been turned away, or the scene or the light has changed a lot."
            )
        else:
            text = _(
                "Could not tell whether the camera has moved: only %(inliers)s of %(matches)s "
                "matching points agree on one view of the scene and at least %(needed)s are "
                "needed. The camera may have been turned away, or the scene or the light has "
                "changed a lot."
            )
        return text, params
    params.update(
        displacement=_percent(check.value or 0),
        limit=_percent(check.threshold or 0),
        dx=_percent(abs(d.get("dx", 0))),
        dy=_percent(abs(d.get("dy", 0))),
        angle=_number(abs(d.get("rotation", 0))),
        scale=_number(d.get("scale", 1), 2),
    )
    if found:
        text = _(
            "The camera has moved: compared with its reference picture the view is displaced "
            "by %(displacement)s of the frame width (moved above %(limit)s). It is shifted by "
            "%(dx)s of the width and %(dy)s of the height, turned by %(angle)s degrees and "
            "scaled by %(scale)s, judging by %(inliers)s matching points."
        )
    else:
        text = _(
            "The view matches the reference picture: %(inliers)s matching points, displaced by "
            "%(displacement)s of the frame width (moved above %(limit)s)."
        )
    return text, params
