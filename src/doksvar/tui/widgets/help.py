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
    ("Alt+1 … Alt+9", "Öppna senaste svarets källa 1–9 i dokumentet, var du än står"),
    ("Ctrl+S", "Exportera samtalet till Markdown (filens namn visas)"),
    ("Ctrl+R", "Indexera korpusen igen (och säg vad som hände)"),
    ("Ctrl+P", "Kommandopaletten: alla kommandon, även färgtema"),
    ("Tab / Shift+Tab", "Flytta mellan rutor och flikar"),
    ("Ctrl+Q", "Avsluta"),
    ("Chatt", ""),
    ("Enter", "Skicka frågan – inmatningsraden behåller fokus"),
    ("↑ / ↓", "Tidigare frågor i inmatningsraden"),
    ("Tab", "Till senaste svaret"),
    ("Enter / 1–9", "På ett markerat svar: öppna källa 1 / källa 1–9 (eller klicka på källan)"),
    ("↑ / ↓", "På ett markerat svar: föregående / nästa svar"),
    ("Escape, bokstäver", "På ett markerat svar: tillbaka till inmatningsraden"),
    ("PgUp / PgDn", "Bläddra i samtalet"),
    ("Sök", ""),
    ("skriv", "Träffar medan du skriver"),
    ("Enter", "Öppna första träffen i dokumentet"),
    ("↓, sedan Enter", "Gå in i träfflistan, öppna den markerade träffen"),
    ("Dokument", ""),
    ("Escape / Ctrl+B", "Tillbaka dit du var innan hoppet"),
    ("Ctrl+O", "Visa eller dölj innehållsförteckningen"),
    ("← / →", "Rulla breda tabeller i sidled (även Shift+mushjul)"),
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

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]  # Textual takes a plain action
        self.dismiss(None)
