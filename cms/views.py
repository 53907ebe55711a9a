"""Small admin endpoints of the content app."""

from django.http import HttpRequest, JsonResponse

from cms.transliteration import slugify_uk


def transliterate_slug(request: HttpRequest) -> JsonResponse:
    """``?text=…`` → ``{"slug": …}`` by the official transliteration, for the page editor.

    The editor's script asks the server, so the admin and pages created in code share one
    implementation of the rule.
    """
    return JsonResponse({"slug": slugify_uk(request.GET.get("text", "")[:255])})
