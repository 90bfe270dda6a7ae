"""A deterministic synthetic corpus: variants of the bundled report with other organisations,
years and figures, and some sections in another order."""

from __future__ import annotations

import random
import re
from pathlib import Path

ORGS = [
    "Kiruna",
    "Umeå",
    "Skellefteå",
    "Piteå",
    "Boden",
    "Gällivare",
    "Östersund",
    "Sundsvall",
    "Härnösand",
    "Örnsköldsvik",
    "Gävle",
    "Falun",
    "Borlänge",
    "Uppsala",
    "Västerås",
    "Örebro",
    "Karlstad",
    "Eskilstuna",
    "Norrköping",
    "Linköping",
    "Jönköping",
    "Växjö",
    "Kalmar",
    "Karlskrona",
    "Kristianstad",
    "Helsingborg",
    "Lund",
    "Malmö",
    "Halmstad",
    "Borås",
    "Trollhättan",
    "Uddevalla",
    "Skövde",
    "Motala",
    "Nyköping",
    "Södertälje",
    "Huddinge",
    "Nacka",
    "Täby",
    "Sollentuna",
    "Visby",
    "Mora",
    "Ludvika",
    "Sandviken",
    "Hudiksvall",
    "Lycksele",
    "Arvidsjaur",
    "Haparanda",
    "Kalix",
    "Älvsbyn",
]

_NUMBER = re.compile(r"(?<![\w,])(\d{1,3}(?: \d{3})+|\d+)(,\d+)?(?![\w,])")
_YEAR = re.compile(r"\b(20[12]\d)\b")


def _vary(match: re.Match[str], rng: random.Random) -> str:
    whole, frac = match.group(1), match.group(2) or ""
    value = int(whole.replace(" ", ""))
    if 1990 <= value <= 2040 and not frac:
        return match.group()  # years are shifted separately
    factor = rng.uniform(0.8, 1.2)
    if frac:
        decimals = len(frac) - 1
        new = f"{(value + float('0' + frac.replace(',', '.'))) * factor:.{decimals}f}".replace(".", ",")
        return new
    new = max(0, round(value * factor)) if value > 9 else value
    text = f"{new:,}".replace(",", " ") if " " in whole else str(new)
    return text


def variant(source: str, k: int) -> str:
    """The k-th variant of a report: organisation, years, figures and section order changed."""
    rng = random.Random(k)
    org = ORGS[k % len(ORGS)] + ("" if k < len(ORGS) else f" {k // len(ORGS) + 1}")
    shift = rng.randint(-5, 2)
    text = source.replace("Luleå", org)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _NUMBER.sub(lambda m: _vary(m, rng), text)
    lines = text.split("\n")
    title_at = next(i for i, line in enumerate(lines) if line.strip())
    lines[title_at] = f"{lines[title_at].strip()} {org}"
    text = "\n".join(lines)
    if k % 3 == 1:
        text = _swap_sections(text, "3", "5")
    return text


def _swap_sections(text: str, a: str, b: str) -> str:
    """Sections a..b (consecutive top-level ones) in reverse order, renumbered to stay in sequence."""
    heads = [
        m for m in re.finditer(r"(?m)^(\d+) (\S.*)$", text) if "....." not in m.group(2) and "\t" not in m.group(2)
    ]
    numbers = [m.group(1) for m in heads]
    if a not in numbers or b not in numbers:
        return text
    ia, ib = numbers.index(a), numbers.index(b)
    if ib + 1 >= len(heads):
        return text
    start, end = heads[ia].start(), heads[ib + 1].start()
    blocks = [text[heads[i].start() : heads[i + 1].start()] for i in range(ia, ib + 1)]
    blocks.reverse()
    renumbered = []
    for offset, block in enumerate(blocks):
        renumbered.append(re.sub(r"^\d+ ", f"{int(a) + offset} ", block, count=1))
    return text[:start] + "".join(renumbered) + text[end:]


def make_corpus(source: Path, folder: Path, n: int) -> list[Path]:
    """n reports in `folder`: the bundled one first, then n - 1 variants."""
    folder.mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    paths = [folder / source.name]
    paths[0].write_text(text, encoding="utf-8")
    for k in range(1, n):
        p = folder / f"variant-{k:04d}.txt"
        p.write_text(variant(text, k), encoding="utf-8")
        paths.append(p)
    return paths
