"""A hand-built Brief exercising every block type, hostile text and non-Latin scripts (for renderer tests)."""

from __future__ import annotations

from briefgen.model import (
    Brief,
    BulletList,
    Cite,
    Entity,
    EntityIndex,
    Event,
    Extract,
    Figure,
    Para,
    Paragraph,
    Quote,
    QuoteBlock,
    Section,
    Source,
    SourceNote,
    SourceNotes,
    Theme,
    ThemeSummary,
    Timeline,
)

HOSTILE = "Markup stays literal: <b>bold</b> & AT&T, <script>x</script>, {{ x }} and {% raw %}."
CYRILLIC = "Лукашенко met Łukaszenka's envoy in Gdańsk; Tsikhanouskaya replied."


def sample_brief(audience: str = "analysts", one_page: bool = False) -> Brief:
    """Return a small but complete Brief."""
    s1 = Source(
        id="memo",
        path="seeds/memo.txt",
        title="A Deal with the Devil",
        authors=("Ryhor Nizhnikau", "Arkady Moshes"),
        outlet="PONARS Eurasia Policy memo no. 985",
        date="2025-09-01",
        genre="policy memo",
        url="https://example.org/memo?a=1&b=2",
        paragraphs=(
            Paragraph(1, "Russia dominates the Belarusian information space. " + HOSTILE),
            Paragraph(2, "In June 2025 Lukashenko released Siarhei Tsikhanouski. " + CYRILLIC),
        ),
    )
    s2 = Source(
        id="news",
        path="seeds/news.txt",
        title="Belarus tests a thaw",
        dateline="MINSK / VILNIUS",
        genre="news analysis",
        paragraphs=(
            Paragraph(1, "Lukashenko insists he is not \u201cbegging\u201d for concessions."),
            Paragraph(2, "\u201cWe have to move, we have to trade,\u201d Lukashenko said."),
        ),
    )
    c11, c12, c21, c22 = Cite("memo", 1), Cite("memo", 2), Cite("news", 1), Cite("news", 2)
    q1 = Quote(
        "We have to move, we have to trade,", c22, "statement", speaker="Alexander Lukashenko", cue="said"
    )
    q2 = Quote("begging", c21, "phrase", speaker="Alexander Lukashenko")
    ev = (
        Event("2025-06", "In June 2025 Lukashenko released Siarhei Tsikhanouski.", (c12, c21)),
        Event("2023", "A commission was established in 2023.", (c11,)),
    )
    theme = Theme("economy_trade", "Economy and trade", "Growth and trade.", ("trade",))
    ts = ThemeSummary(
        theme, (Extract("Russia dominates the Belarusian information space.", (c11, c21)),), 4, 2, 1
    )
    long_word = "Supercalifragilistic" * 12
    url = "https://example.org/" + "very-long-path/" * 12
    sections = (
        Section(
            "Bottom line up front",
            1,
            (
                BulletList(
                    (
                        Para("Russia dominates the Belarusian information space.", (c11,)),
                        Para(CYRILLIC, (c12,)),
                    )
                ),
            ),
        ),
        Section(
            "Economy and trade",
            1,
            (
                Para("Template boilerplate: " + HOSTILE),
                Para("Russia dominates the Belarusian information space.", (c11, c21)),
                Para(long_word + " " + url, ()),
            ),
        ),
        Section(
            "Quotes",
            2,
            (
                QuoteBlock(
                    q1, Para("\u201cWe have to move, we have to trade,\u201d Lukashenko said.", (c22,))
                ),
                QuoteBlock(q2),
            ),
        ),
        Section(
            "Timeline",
            1,
            (Timeline(ev), Figure("timeline", "The week's dated events", "Timeline of 2 events", events=ev)),
        ),
        Section(
            "Themes drawn",
            3,
            (Figure("themes", "What each theme drew on", "Bar chart of 1 theme", themes=(ts,)),),
        ),
        Section(
            "Entity index",
            1,
            (
                EntityIndex(
                    (
                        Entity(
                            "Alexander Lukashenko",
                            "person",
                            ("Lukashenka", "Лукашенко"),
                            "President of Belarus",
                            3,
                            ("memo", "news"),
                        ),
                    )
                ),
            ),
        ),
        Section(
            "Source notes",
            1,
            (
                SourceNotes(
                    (
                        SourceNote(
                            "memo", "policy memo", 40, ("name spelled two ways: Lukashenko / Lukashenka",)
                        ),
                        SourceNote("news", "news analysis", 20),
                    )
                ),
            ),
        ),
    )
    return Brief(
        title="Belarus Weekly \u2014 Лукашенко",
        audience=audience,
        audience_title=audience.title(),
        as_of="2025-12-20",
        organisation="Eastern Europe Desk",
        sections=sections,
        sources=(s1, s2),
        marking="UNCLASSIFIED // FOR OFFICIAL USE",
        subtitle="Between Moscow and the West",
        period="Sources dated 13\u201320 December 2025",
        quotes=(q1, q2),
        events=ev,
        themes=(ts,),
        bluf=(Extract("Russia dominates the Belarusian information space.", (c11,)),),
        keywords=("economy_trade",),
        one_page=one_page,
        stem=f"2025-12-20-{audience}",
    )
