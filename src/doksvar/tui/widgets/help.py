"""The help screen: every key binding of the app and its panes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Överallt", ""),
    ("F1", "Hjälp (den här skärmen)"),
    ("F2 / F3 / F4", "Chatt / Sök / Dokument"),
    ("Tab / Shift+Tab", "Flytta mellan rutor och flikar"),
    ("Ctrl+E", "Exportera samtalet till Markdown"),
    ("Ctrl+R", "Indexera korpusen igen"),
    ("Ctrl+P", "Kommandopaletten: alla kommandon, även tema"),
    ("Ctrl+Q", "Avsluta"),
    ("Chatt", ""),
    ("Enter", "Skicka frågan / öppna källa 1 på ett markerat svar"),
    ("↑ / ↓", "Tidigare frågor i inmatningsraden"),
    ("1–9", "Öppna källa 1–9 på det markerade svaret (eller klicka på källan)"),
    ("Sök", ""),
    ("skriv", "Träffar medan du skriver"),
    ("Enter", "Till träfflistan / öppna träffen i dokumentet"),
    ("Dokument", ""),
    ("Ctrl+B / Escape", "Tillbaka dit du var innan hoppet"),
    ("Enter i innehållet", "Gå till avsnittet"),
]


class HelpScreen(ModalScreen[None]):
    """Lists the keys; Escape, F1 or q closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80%; max-width: 90; height: 80%;
        border: round $primary; background: $panel; padding: 1 2;
    }
    """
    BINDINGS = [
        Binding("escape", "dismiss", "Stäng", tooltip="Close the help", id="help-close"),
        Binding("f1", "dismiss", "Stäng", show=False, id="help-close-f1"),
        Binding("q", "dismiss", "Stäng", show=False, id="help-close-q"),
    ]

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, expand=True)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("what")
        for key, what in KEYS:
            if not what:
                table.add_row(Text(key, style="bold underline"), "")
            else:
                table.add_row(Text(key), Text(what))
        with VerticalScroll():
            yield Static(Text("doksvar – hjälp", style="bold"))
            yield Static(table)

    def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
