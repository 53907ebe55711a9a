"""``{% form_guard "purpose" %}``: the signed token and the trap field of a resident's form."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from cms.form_guard import TOKEN_FIELD, TRAP_FIELD, form_token

register = template.Library()


@register.simple_tag
def form_guard(purpose: str) -> SafeString:
    return format_html(
        '<input type="hidden" name="{}" value="{}">'
        '<input type="text" name="{}" data-{} value="" tabindex="-1" autocomplete="off" '
        'aria-hidden="true">',
        TOKEN_FIELD,
        form_token(purpose),
        TRAP_FIELD,
        TRAP_FIELD,
    )
