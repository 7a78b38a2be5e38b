"""Text understanding: pure functions over strings (regions, events, summaries, stems)."""
