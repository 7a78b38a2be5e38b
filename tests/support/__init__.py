"""Helpers and fakes for the tests (no tests here).

* :mod:`tests.support.apps`: the app under test (settings, start, a running app that acts as
  a Telegram user) and the people the tests play;
* :mod:`tests.support.articles`: articles stored as ingestion stores them, or as bare rows;
* :mod:`tests.support.chats`: chats and subscriptions written straight into the database;
* :mod:`tests.support.events`: what an event rule's unit test expects of one text;
* :mod:`tests.support.delivery`: waiting for the outbox and reading what the emulator got;
* :mod:`tests.support.feeds`: a local HTTP server for feeds and pages, with faults;
* :mod:`tests.support.hostile`: inputs that try to break query parsing;
* :mod:`tests.support.fakes`: the one fake (a clock) for unit tests without I/O;
* :mod:`tests.support.shared`: the shared data beside the repository, or a skip.
"""
