"""What the demo's build steps share: the clock, the progress bars, the counts, and the objects
one step makes for the next (the editor, the home page, sections, topics, authors, images).

Each step (``masthead.demo.steps``) is a module with ``build(demo)`` and ``reset(demo)``; the
``Demo`` object passed to them is the only state they share.
"""

from collections import Counter
from datetime import datetime
from io import BytesIO
from typing import Any

from django.core.files.images import ImageFile
from django.utils import timezone
from tqdm import tqdm
from wagtail.images import get_image_model
from wagtail.models import Collection

from . import images

SEED = 2024
COLLECTION_NAME = "Demo illustrations"


class Demo:
    """One run of the demo builder (``scale``: build N generated articles, for benchmarks)."""

    def __init__(
        self,
        *,
        scale: int | None = None,
        stdout=None,
        progress: bool | None = None,
        now: datetime | None = None,
    ):
        self.scale = scale
        self.stdout = stdout
        self.progress = progress  # None: a bar only on a terminal
        self.now = now or timezone.now()
        self.created: Counter[str] = Counter()
        # Filled in by the steps, in the order of ``builder.STEPS``.
        self.users: dict[str, Any] = {}
        self.editor: Any = None
        self.home: Any = None
        self.sections: dict[str, Any] = {}
        self.topics: dict[str, Any] = {}
        self.authors: dict[str, Any] = {}  # by name
        self._collection: Collection | None = None

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def count(self, what: str, n: int = 1) -> None:
        if n:
            self.created[what] += int(n)

    def bar(self, iterable=None, **kwargs):
        """A tqdm progress bar: on a terminal by default, never with ``progress=False``."""
        disable = None if self.progress is None else not self.progress
        return tqdm(iterable, disable=disable, dynamic_ncols=True, **kwargs)

    @property
    def collection(self) -> Collection:
        """The Wagtail collection that holds every image the demo draws."""
        if self._collection is None:
            found = Collection.objects.filter(name=COLLECTION_NAME).first()
            self._collection = found or Collection.get_first_root_node().add_child(
                name=COLLECTION_NAME
            )
        return self._collection

    def save_image(self, img, title: str, filename: str, description: str = ""):
        """Store a drawn picture as a Wagtail image in the demo collection; ``description``
        is its alt text (Wagtail's ``default_alt_text``)."""
        data = images.jpeg_bytes(img)
        image = get_image_model()(
            title=title[:255],
            description=description[:255],
            collection=self.collection,
            file=ImageFile(BytesIO(data), name=filename),
            file_size=len(data),
            file_hash=images.sha1(data),
        )
        image.save()
        self.count("images")
        return image
