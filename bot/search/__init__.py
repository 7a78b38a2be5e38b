"""Search and reading: queries, the engine, pages and paging payloads.

Shared by ``handlers.reading``, ``handlers.inline`` and ``python -m bot search``:
:mod:`~bot.search.query` (pure: what the user typed, MATCH stages, snippets),
:mod:`~bot.search.engine` (one page of results through the repository),
:mod:`~bot.search.paging` (button and inline-offset payloads) and :mod:`~bot.search.pages`
(the /latest and /search pages as Telegram HTML).

The rules, documented here once:

* :func:`parse_query` turns anything a user types into a :class:`SearchQuery`: the first
  :data:`MAX_QUERY_CHARS` characters are kept, region words become region codes («форум
  хакасия» -> RU-KK + «форум»; several regions: any of them), the rest becomes at most
  :data:`MAX_TERMS` stems (stop words dropped unless nothing else is left, words over
  :data:`MAX_WORD` characters dropped, repeats dropped). A query of region words only lists
  the latest items of those regions.
* :func:`match_stages` builds FTS5 ``MATCH`` expressions from those stems. Every stem is
  written as a quoted string token, so nothing the user typed is ever FTS5 syntax
  (``"``, ``*``, ``NEAR``, ``-``, ``AND``/``OR``/``NOT``, ``title:``, brackets all end up as
  plain words or are dropped). Stages, tried in order until one finds something:
  1. every stem (AND);
  2. every stem, the last word as a prefix (it may be half typed, inline especially): its
     stem, or the word as typed when the stem is shorter than :data:`PREFIX_MIN` letters
     («обла» -> «обла*»); no prefix stage when both are shorter (migration 0005 gives the
     index a 4-character prefix index, so a 4-letter prefix is one doclist);
  3. any stem (OR), the last one as a prefix when stage 2 had one.
  Ranking (bm25 with the title weighted 3x, divided by a freshness factor) is documented
  in :mod:`storage.search`.
* :func:`snippet` cuts ~200 characters of the ORIGINAL text around the first word whose stem
  matches, escaped for HTML, matched words in ``<b>``.
* Paging payloads (callback_data, ``next_offset``) are compact strings under 64 bytes that
  carry everything needed to continue, so a button works after a restart:

  - /latest: ``lt:<n>:<shown>:<scope>:<published_at>:<id>`` (base 36), ``scope`` is a region
    code, ``*`` (everything) or ``@`` (the chat's subscriptions, read again on the press);
  - /search: ``sr:<stage>:<offset>:<now>:<hash>``. The query itself is NOT stored (neither in
    the payload, where it may not fit, nor server-side): the page message starts with
    «🔎 <query>», and the press re-reads the query from that first line of the message being
    edited. ``hash`` (6 characters of BLAKE2b of the query) proves it is the same query;
    ``now`` pins the clock the ranking used, so pages do not shift.
  - inline ``next_offset``: ``<stage>:<offset>:<now>`` for a search (Telegram re-sends the
    query), ``L<published_at>:<id>`` for the personal latest list.
"""
