"""Files: documents and photos the bot sends or users send, `getFile`, photo URLs.

Every file gets a `file_id` (accepted again by `sendDocument` / `sendPhoto`, as Telegram
does), a `file_unique_id` and a `file_path` under which the download route
`/file/bot<token>/<path>` serves its bytes. A photo sent by HTTP URL is "fetched" as an
empty file that remembers its URL, unless the control knob refuses photo URLs: then the
send answers Telegram's 400 for a URL it could not use.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import itertools
from typing import Any

from bot.emulator.errors import ApiError, ControlError, bad_request
from bot.emulator.records import JSON, StoredFile, Upload

MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files, as Telegram does
MAX_UPLOAD = 50 * 1024 * 1024
# What Telegram answers for a photo URL it cannot use, by the knob's name.
URL_REFUSALS = {
    "wrong_url": "wrong file identifier/HTTP URL specified",
    "fetch_failed": "failed to get HTTP URL content",
}
PHOTO_SIZES = ((90, 60), (320, 213), (800, 533))


class Files:
    """Every file the emulator holds, by `file_id` and by `file_path`."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self.refuse_urls: str | None = None  # a key of URL_REFUSALS, or None
        self.refused_only: frozenset[str] | None = None  # None: every URL

    # Storing -------------------------------------------------------------------

    def store(
        self,
        data: bytes,
        *,
        kind: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        url: str | None = None,
    ) -> StoredFile:
        n = next(self._counter)
        digest = hashlib.sha1(data + (url or "").encode(), usedforsecurity=False).hexdigest()
        folder = "photos" if kind == "photo" else "documents"
        extension = ""
        if file_name and "." in file_name:
            extension = "." + file_name.rsplit(".", 1)[1][:10]
        elif kind == "photo":
            extension = ".jpg"
        stored = StoredFile(
            file_id=f"{'AgAC' if kind == 'photo' else 'BQAC'}{n:08d}{digest[:16]}",
            file_unique_id=f"AQAD{digest[:12]}",
            file_path=f"{folder}/file_{n}{extension}",
            file_name=file_name,
            mime_type=mime_type,
            data=data,
            url=url,
        )
        self.by_id[stored.file_id] = stored
        self.by_path[stored.file_path] = stored
        return stored

    def from_param(self, p: JSON, kind: str) -> StoredFile:
        """The file the `document` / `photo` parameter names: an upload (the part itself
        or `attach://<part>`), a file_id, or an HTTP URL."""
        value: Any = p.get(kind)
        what = kind
        if isinstance(value, str) and value.startswith("attach://"):
            value = p.get(value.removeprefix("attach://"))
            if not isinstance(value, Upload):
                raise bad_request(f"there is no {what} in the request")
        if isinstance(value, Upload):
            if not value.data:
                raise bad_request(f"file must be non-empty ({what})")
            if len(value.data) > MAX_UPLOAD:
                raise ApiError(413, "Request Entity Too Large")
            mime = value.content_type or None
            if mime == "application/octet-stream" and kind == "photo":
                mime = "image/jpeg"
            return self.store(value.data, kind=kind, file_name=value.filename, mime_type=mime)
        if not isinstance(value, str) or not value.strip():
            raise bad_request(f"there is no {what} in the request")
        text = value.strip()
        if text.startswith(("http://", "https://")):
            if self.refuse_urls is not None and (
                self.refused_only is None or text in self.refused_only
            ):
                raise bad_request(URL_REFUSALS[self.refuse_urls])
            name = text.rsplit("/", 1)[-1][:100] or None
            mime = "image/jpeg" if kind == "photo" else None
            return self.store(b"", kind=kind, file_name=name, mime_type=mime, url=text)
        stored = self.by_id.get(text)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        return stored

    # Bot API -------------------------------------------------------------------

    def api_get_file(self, p: JSON) -> JSON:
        file_id = p.get("file_id")
        stored = self.by_id.get(str(file_id)) if file_id else None
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > MAX_DOWNLOAD:
            raise bad_request("file is too big")
        return stored.to_api()

    def download(self, path: str) -> StoredFile | None:
        """The file served at `/file/bot<token>/<path>`, or None (404)."""
        return self.by_path.get(path)

    # Control operations --------------------------------------------------------

    def file_info(self, file_id: str) -> JSON:
        """A file with its bytes (base64): what the bot sent, readable by tests."""
        stored = self.by_id.get(file_id)
        if stored is None:
            raise ControlError("file not found", 404)
        info = stored.to_api()
        info.update(
            file_name=stored.file_name,
            mime_type=stored.mime_type,
            url=stored.url,
            data_base64=base64.b64encode(stored.data).decode("ascii"),
        )
        return info

    def file_bytes(self, file_id: str) -> bytes:
        stored = self.by_id.get(file_id)
        if stored is None:
            raise ControlError("file not found", 404)
        return stored.data

    def set_photo_url_refusal(self, refuse: str | None, urls: list[str] | None = None) -> JSON:
        """Make `sendPhoto` by URL answer 400: `wrong_url` (wrong file identifier/HTTP URL
        specified) or `fetch_failed` (failed to get HTTP URL content); None stops it.
        `urls` limits the refusal to those addresses (default: every URL)."""
        if refuse is not None and refuse not in URL_REFUSALS:
            raise ControlError(f"refuse must be one of {sorted(URL_REFUSALS)} or null")
        self.refuse_urls = refuse
        self.refused_only = None if urls is None else frozenset(urls)
        return self.photo_url_refusal()

    def photo_url_refusal(self) -> JSON:
        return {
            "refuse": self.refuse_urls,
            "urls": None if self.refused_only is None else sorted(self.refused_only),
        }


def decode_base64(value: str) -> bytes:
    """Control API file contents: standard base64."""
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ControlError("data_base64 is not valid base64") from None


def photo_sizes(stored: StoredFile) -> list[JSON]:
    """The PhotoSize list of a Message: a few sizes of the same file, the largest last."""
    return [
        {
            "file_id": stored.file_id,
            "file_unique_id": f"{stored.file_unique_id}{i}",
            "width": w,
            "height": h,
            "file_size": len(stored.data),
        }
        for i, (w, h) in enumerate(PHOTO_SIZES)
    ]


def document_object(stored: StoredFile) -> JSON:
    doc: JSON = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
    }
    if stored.file_name:
        doc["file_name"] = stored.file_name
    if stored.mime_type:
        doc["mime_type"] = stored.mime_type
    return doc
