"""Images of an import: found in a local folder (``--media DIR``) or fetched from the old site
(``--fetch-media``), stored once each (by the SHA-256 of their bytes) in Wagtail's image
library, in the collection "Imported".

A URL is looked up by the tail of its path: ``https://old.example/wp-content/uploads/2011/07/
a.jpg`` is ``DIR/wp-content/uploads/2011/07/a.jpg``, ``DIR/uploads/2011/07/a.jpg``,
``DIR/2011/07/a.jpg`` ... (so DIR may be a copy of ``wp-content/uploads`` or of Ghost's
``content/images``), never outside DIR. A file that cannot be found, fetched or read as an
image is one line in the report's ``missing_media`` and the body is left without it.
"""

import hashlib
import urllib.request
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from .models import ImportedItem
from .report import Report

COLLECTION = "Imported"
MAX_BYTES = 25 * 1024**2
MAX_PIXELS = 128_000_000
FETCH_TIMEOUT = 10
FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
GHOST_URL = "__GHOST_URL__"


class Media:
    def __init__(
        self,
        report: Report,
        folder: Path | None = None,
        fetch: bool = False,
        dry_run: bool = False,
        base_url: str = "",
    ):
        self.report = report
        self.folder = folder.resolve() if folder else None
        self.fetch = fetch
        self.dry_run = dry_run
        self.base_url = base_url.rstrip("/")
        self.by_url: dict[str, int | None] = {}
        self._collection = None

    def resolve(self, url: str) -> int | None:
        """The image's primary key (0 in a dry run for an image that would be stored)."""
        url = (url or "").strip()
        if not url:
            return None
        if url.startswith(GHOST_URL):
            url = self.base_url + url[len(GHOST_URL) :] if self.base_url else url[len(GHOST_URL) :]
        if url in self.by_url:
            return self.by_url[url]
        data = self.local(url)
        if data is None and self.fetch:
            data = self.download(url)
        pk = self.store(url, data) if data is not None else None
        if pk is None:
            self.report.media_missing(url)
        self.by_url[url] = pk
        return pk

    def local(self, url: str) -> bytes | None:
        if self.folder is None:
            return None
        parts = [p for p in PurePosixPath(unquote(urlsplit(url).path)).parts if p not in {"/"}]
        if any(p in {"..", "."} or "\\" in p for p in parts):
            return None
        for start in range(len(parts)):
            candidate = self.folder.joinpath(*parts[start:]).resolve()
            if not candidate.is_relative_to(self.folder):
                continue
            if candidate.is_file() and candidate.stat().st_size <= MAX_BYTES:
                return candidate.read_bytes()
        return None

    def download(self, url: str) -> bytes | None:
        if urlsplit(url).scheme not in {"http", "https"}:
            return None
        request = urllib.request.Request(url, headers={"User-Agent": "Masthead importer"})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310
                data = response.read(MAX_BYTES + 1)
        except (OSError, ValueError):
            return None
        return data if len(data) <= MAX_BYTES else None

    def store(self, url: str, data: bytes) -> int | None:
        try:
            with PILImage.open(BytesIO(data)) as probe:
                kind = probe.format
                width, height = probe.size
                probe.verify()
        except Exception:  # noqa: BLE001 - any undecodable file is a missing image
            return None
        if kind not in FORMATS or width * height > MAX_PIXELS:
            return None
        digest = hashlib.sha256(data).hexdigest()
        known = ImportedItem.objects.filter(source="media", kind="images", source_id=digest)
        found = known.values_list("object_id", flat=True).first()
        if found is not None and get_image_model().objects.filter(pk=found).exists():
            self.report.count("images", "unchanged", digest)
            return found
        self.report.count("images", "created", digest)
        if self.dry_run:
            return 0
        name = PurePosixPath(urlsplit(url).path).name or f"{digest[:12]}.{kind.lower()}"
        image = get_image_model()(
            title=name[:255],
            collection=self.collection,
            file=ImageFile(BytesIO(data), name=name[-80:]),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's own duplicate key
        )
        image.save()
        ImportedItem.objects.update_or_create(
            source="media", kind="images", source_id=digest, defaults={"object_id": image.pk}
        )
        return image.pk

    @property
    def collection(self):
        if self._collection is None:
            found = Collection.objects.filter(name=COLLECTION).first()
            self._collection = found or Collection.get_first_root_node().add_child(name=COLLECTION)
        return self._collection
