"""The shape every CQI panel hands to its template and to the export: charts, then tables."""

from dataclasses import dataclass, field

from .tables import export_value


@dataclass
class Table:
    id: str
    caption: str
    header: list[str]
    rows: list[list]  # the first cell of each row is its label (a row header)
    footer: list | None = None  # totals


@dataclass
class Panel:
    key: str
    title: str
    charts: list = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def export_rows(self):
        """Every table one after the other: its caption, its header, its rows, a blank line."""
        for table in self.tables:
            yield [table.caption]
            yield list(table.header)
            for row in table.rows:
                yield [export_value(v) for v in row]
            if table.footer:
                yield [export_value(v) for v in table.footer]
            yield []
