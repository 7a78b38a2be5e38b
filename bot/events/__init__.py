"""Events as the bot keeps them: grouping reports of one gathering across portals
(:mod:`~bot.events.grouping`), and rendering lists, cards (:mod:`~bot.events.render`) and
the digest of a period (:mod:`~bot.events.summary`). Detection itself is pure text work in
:mod:`bot.text.events`."""
