"""The demo's illustrations as Wagtail images: drawn once (``cms.demo.scenes``), kept in their
own collection with a tag, titled and described, and reused by every page that shows them.

Idempotent: an image already in the collection under its title is reused, not drawn again.
"""

from __future__ import annotations

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.demo import DATA, read_demo_data
from cms.demo.scenes import render


class DemoIllustrations:
    """The scenes of ``data/illustrations.json`` as images, made when first asked for.

    ``created`` lists the images made by this run (so that their renditions can be prepared).
    """

    def __init__(self) -> None:
        self.data = read_demo_data(DATA / "illustrations.json")
        self.created: list = []
        self._images: dict = {}
        self._collection: Collection | None = None

    @property
    def caption(self) -> dict[str, str]:
        """The caption that says a picture was made for the demo, by language."""
        return self.data["caption"]

    def alt(self, key: str, language: str) -> str:
        return self.data["scenes"][key][language]["alt"]

    def collection(self) -> Collection:
        if self._collection is None:
            name = self.data["collection"]
            root = Collection.get_first_root_node()
            existing = root.get_children().filter(name=name).first()
            self._collection = existing or root.add_child(name=name)
        return self._collection

    def image(self, key: str):
        """The image of scene ``key``, drawn and saved if the library does not have it yet."""
        if key in self._images:
            return self._images[key]
        texts = self.data["scenes"][key]["uk"]
        image_model = get_image_model()
        collection = self.collection()
        image = image_model.objects.filter(collection=collection, title=texts["title"]).first()
        if image is None:
            upload = SimpleUploadedFile(f"demo-{key}.png", render(key), content_type="image/png")
            image = image_model(
                title=texts["title"],
                description=texts["alt"],
                collection=collection,
                file=ImageFile(upload, name=upload.name),
            )
            image._set_image_file_metadata()
            image.save()
            image.tags.add(self.data["tag"])
            self.created.append(image)
        self._images[key] = image
        return image

    def lead_image_fields(self, key: str, language: str) -> dict:
        """A news article's lead image fields for scene ``key`` in ``language``."""
        return {
            "lead_image": self.image(key),
            "lead_image_alt": self.alt(key, language),
            "lead_image_caption": self.caption[language],
        }

    def gallery(self, keys: list[str], language: str) -> list[dict]:
        """A campaign gallery of these scenes in ``language``, in the StreamField's stored form."""
        return [
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": self.image(key).pk,
                        "alt_text": self.alt(key, language),
                        "decorative": False,
                    },
                    "caption": self.caption[language],
                },
            }
            for key in keys
        ]
