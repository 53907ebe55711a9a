"""The camera form: the stream URL can be typed in but never read back."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cctv_bridge.stream_urls import validate_stream_url


class CameraForm(WagtailAdminModelForm):
    stream_url = forms.CharField(
        label=_("stream address"),
        required=False,
        max_length=2048,
        strip=True,
        # Never rendered back into the page, not even after a failed submission.
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_(
            "rtsp://, rtsps://, http:// or https:// with the camera's user name and password. "
            "It is stored encrypted and never shown again: leave empty to keep the current one."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.stream_url_sealed:
            self.fields["stream_url"].help_text = _(
                "Stored: %(label)s. Type a new address to replace it; leave empty to keep it."
            ) % {"label": self.instance.stream_label}
        elif not self.instance.pk:
            self.fields["stream_url"].required = True

    def clean(self):
        cleaned = super().clean()
        url = cleaned.get("stream_url")
        source = cleaned.get("source")
        if url and source:
            try:
                validate_stream_url(url, source)
            except ValidationError as error:
                self.add_error("stream_url", error)
        elif source and source != self.instance.source and self.instance.stream_url_sealed:
            self.add_error(
                "stream_url", _("A different kind of source needs its stream address again.")
            )
        return cleaned

    def save(self, commit=True):
        if url := self.cleaned_data.get("stream_url"):
            self.instance.stream_url = url
        return super().save(commit=commit)
