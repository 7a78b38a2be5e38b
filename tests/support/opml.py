"""An OPML list of sources used by the OPML tests (CLI and bot)."""

LIST = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Порталы</title></head>
  <body>
    <outline text="Правительство РХ" type="rss" xmlUrl="https://r-19.ru/rss" category="RU-KK"/>
    <outline text="Хакасия">
      <outline text="Абакан" type="rss" xmlUrl="https://abakan.example/feed"/>
    </outline>
    <outline text="Казань" xmlUrl="https://kzn.example/rss" category="/новости,/Татарстан"/>
    <outline text="Без региона" xmlUrl="https://nowhere.example/rss"/>
    <outline text="Файл" xmlUrl="file:///etc/passwd"/>
    <outline text="Копия" xmlUrl="https://r-19.ru/rss"/>
  </body>
</opml>
"""
