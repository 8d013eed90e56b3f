"""Date parsing benchmark: newsclean.dates against dateparser and dateutil, in one run.

Builds its own labelled corpus (fixed seed): random datetimes rendered in the forms news
pages print, in English, German, French, Spanish, Portuguese, Italian and Russian, with and
without times, zones, labels, relative and year-less forms, plus strings with digits that
are not dates (prices, scores, phone numbers, versions). Each parser reads every string with
the same reference time and the same rule for times printed without a zone (UTC).

Scoring, per string: *exact* when the answer is the expected instant (or the expected
calendar date when no time is printed); *wrong* when it is another date or instant, or any
date for a string that holds none; *missed* otherwise (no answer, or the right day without
the printed time). A missed date is better than a wrong one. Speed is parses per second of
CPU time (best of 5 passes for newsclean, one pass for the slower anchors), so it stays
meaningful on a shared machine.

    python benchmarks/bench_dates.py [--size N] [--seed S] [--anchor-limit N]
"""

from __future__ import annotations

import argparse
import random
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from newsclean.dates import parse_date

REFERENCE = datetime(2026, 1, 28, 12, 0, tzinfo=timezone.utc)
UTC = timezone.utc

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
AP_SHORT = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def month(lang: str, number: int) -> str:
    return MONTHS[lang].split()[number - 1]


@dataclass(frozen=True)
class Item:
    """One corpus string and the value it holds (None: no date)."""

    form: str
    text: str
    expected: datetime | date | None


# --- renderers: each takes a random aware datetime and returns (text, expected) ----------


def _wall(value: datetime, zone: str) -> datetime:
    return value.astimezone(ZoneInfo(zone))


def _twelve(value: datetime, style: str = "a.m.") -> str:
    hour = value.hour % 12 or 12
    suffix = {"a.m.": ("a.m.", "p.m."), "AM": ("AM", "PM"), "am": ("am", "pm")}[style]
    return f"{hour}:{value.minute:02d} {suffix[value.hour >= 12]}"


def _naive_utc(value: datetime) -> datetime:
    """A wall time printed without a zone, read as UTC by every parser here."""
    return value.replace(second=0, microsecond=0, tzinfo=UTC)


def r_iso_date(v: datetime) -> tuple[str, object]:
    return v.date().isoformat(), v.date()


def r_iso_z(v: datetime) -> tuple[str, object]:
    u = v.astimezone(UTC).replace(microsecond=0)
    return u.strftime("%Y-%m-%dT%H:%M:%SZ"), u


def r_iso_offset(v: datetime) -> tuple[str, object]:
    return v.replace(microsecond=0).isoformat(), v.replace(microsecond=0)


def r_iso_space(v: datetime) -> tuple[str, object]:
    return v.strftime("%Y-%m-%d %H:%M"), _naive_utc(v)


def r_iso_millis(v: datetime) -> tuple[str, object]:
    u = v.astimezone(UTC).replace(microsecond=0)
    return u.strftime("%Y-%m-%dT%H:%M:%S.000Z"), u


def r_compact_ampm(v: datetime) -> tuple[str, object]:
    clock = f"{v.hour % 12 or 12}:{v.minute:02d}{'PM' if v.hour >= 12 else 'AM'}"
    return f"{SHORT[v.month - 1]} {v.day} {v.year} {clock}", _naive_utc(v)


def r_uk_weekday(v: datetime) -> tuple[str, object]:
    return f"{WEEKDAYS[v.weekday()]}, {v.day} {month('en', v.month)} {v.year}", v.date()


def r_dashed(v: datetime) -> tuple[str, object]:
    return f"{v.day:02d}-{SHORT[v.month - 1]}-{v.year}", v.date()


def r_rfc2822(v: datetime) -> tuple[str, object]:
    v = v.replace(microsecond=0)
    return v.strftime("%a, %d ") + SHORT[v.month - 1] + v.strftime(" %Y %H:%M:%S %z"), v


def r_us_long(v: datetime) -> tuple[str, object]:
    return f"{month('en', v.month)} {v.day}, {v.year}", v.date()


def r_us_weekday(v: datetime) -> tuple[str, object]:
    return f"{WEEKDAYS[v.weekday()]}, {month('en', v.month)} {v.day}, {v.year}", v.date()


def r_us_ap_et(v: datetime) -> tuple[str, object]:
    w = _wall(v, "America/New_York").replace(second=0, microsecond=0)
    text = f"{AP_SHORT[w.month - 1]} {w.day}, {w.year} {_twelve(w)} ET"
    return text, w


def r_us_pt_dst(v: datetime) -> tuple[str, object]:
    w = _wall(v, "America/Los_Angeles").replace(second=0, microsecond=0)
    abbr = "PDT" if w.dst() else "PST"
    return f"{month('en', w.month)} {w.day}, {w.year} at {_twelve(w, 'AM')} {abbr}", w


def r_us_numeric(v: datetime) -> tuple[str, object]:
    return f"{v.month:02d}/{v.day:02d}/{v.year}", v.date()


def r_us_numeric_time(v: datetime) -> tuple[str, object]:
    return f"{v.month}/{v.day}/{v.year} {_twelve(v, 'AM')}", _naive_utc(v)


def r_uk_long(v: datetime) -> tuple[str, object]:
    return f"{v.day} {month('en', v.month)} {v.year}", v.date()


def r_uk_guardian(v: datetime) -> tuple[str, object]:
    w = _wall(v, "Europe/London").replace(second=0, microsecond=0)
    abbr = "BST" if w.dst() else "GMT"
    wd = WEEKDAYS[w.weekday()][:3]
    return f"{wd} {w.day} {SHORT[w.month - 1]} {w.year} {w.hour:02d}.{w.minute:02d} {abbr}", w


def r_uk_numeric(v: datetime) -> tuple[str, object]:
    if v.day <= 12:  # d/m/Y with a day up to 12 reads both ways; print it long instead
        return r_uk_long(v)
    return f"{v.day:02d}/{v.month:02d}/{v.year}", v.date()


def r_ist(v: datetime) -> tuple[str, object]:
    w = v.astimezone(timezone(timedelta(hours=5, minutes=30))).replace(second=0, microsecond=0)
    stamp = f"{w.day:02d}-{w.month:02d}-{w.year} {w.hour:02d}:{w.minute:02d} IST"
    return f"Updated: {stamp}", w


def r_labelled_iso(v: datetime) -> tuple[str, object]:
    return f"Published: {v.date().isoformat()}", v.date()


def r_posted(v: datetime) -> tuple[str, object]:
    return f"Posted on {month('en', v.month)} {v.day}, {v.year} at {_twelve(v, 'am')}", _naive_utc(
        v
    )


def r_cet(v: datetime) -> tuple[str, object]:
    w = _wall(v, "Europe/Berlin").replace(second=0, microsecond=0)
    abbr = "CEST" if w.dst() else "CET"
    return f"{w.day} {SHORT[w.month - 1]} {w.year}, {w.hour:02d}:{w.minute:02d} {abbr}", w


def r_jst(v: datetime) -> tuple[str, object]:
    w = v.astimezone(timezone(timedelta(hours=9))).replace(second=0, microsecond=0)
    return f"{month('en', w.month)} {w.day}, {w.year} {w.hour:02d}:{w.minute:02d} JST", w


def r_gmt8(v: datetime) -> tuple[str, object]:
    w = v.astimezone(timezone(timedelta(hours=8))).replace(second=0, microsecond=0)
    return f"{w.year}-{w.month:02d}-{w.day:02d} {w.hour:02d}:{w.minute:02d} GMT+8", w


def r_de_dotted(v: datetime) -> tuple[str, object]:
    return f"{v.day:02d}.{v.month:02d}.{v.year}", v.date()


def r_de_time(v: datetime) -> tuple[str, object]:
    return f"{v.day:02d}.{v.month:02d}.{v.year}, {v.hour:02d}:{v.minute:02d} Uhr", _naive_utc(v)


def r_de_long(v: datetime) -> tuple[str, object]:
    return f"{v.day}. {month('de', v.month)} {v.year}", v.date()


def r_de_label(v: datetime) -> tuple[str, object]:
    text = (
        f"Veröffentlicht am {v.day}. {month('de', v.month)} {v.year} um {v.hour}:{v.minute:02d} Uhr"
    )
    return text, _naive_utc(v)


def r_fr_long(v: datetime) -> tuple[str, object]:
    day = "1er" if v.day == 1 else str(v.day)
    return f"{day} {month('fr', v.month)} {v.year}", v.date()


def r_fr_label(v: datetime) -> tuple[str, object]:
    text = f"Publié le {v.day} {month('fr', v.month)} {v.year} à {v.hour}h{v.minute:02d}"
    return text, _naive_utc(v)


def r_fr_numeric(v: datetime) -> tuple[str, object]:
    text = f"Mis à jour le {v.day:02d}/{v.month:02d}/{v.year} à {v.hour:02d}h{v.minute:02d}"
    return text, _naive_utc(v)


def r_es_long(v: datetime) -> tuple[str, object]:
    return f"{v.day} de {month('es', v.month)} de {v.year}", v.date()


def r_es_label(v: datetime) -> tuple[str, object]:
    clock = f"{v.hour:02d}:{v.minute:02d}"
    text = f"Publicado el {v.day} de {month('es', v.month)} de {v.year} a las {clock}"
    return text, _naive_utc(v)


def r_pt_long(v: datetime) -> tuple[str, object]:
    text = f"{v.day} de {month('pt', v.month)} de {v.year} às {v.hour}h{v.minute:02d}"
    return text, _naive_utc(v)


def r_it_long(v: datetime) -> tuple[str, object]:
    return f"{v.day} {month('it', v.month)} {v.year} alle {v.hour:02d}:{v.minute:02d}", _naive_utc(
        v
    )


def r_it_label(v: datetime) -> tuple[str, object]:
    return f"Pubblicato il {v.day} {month('it', v.month)} {v.year}", v.date()


def r_ru_long(v: datetime) -> tuple[str, object]:
    return f"{v.day} {month('ru', v.month)} {v.year} г., {v.hour:02d}:{v.minute:02d}", _naive_utc(v)


def r_ru_label(v: datetime) -> tuple[str, object]:
    return f"Опубликовано: {v.day:02d}.{v.month:02d}.{v.year}", v.date()


RELATIVE = [
    ("{n} hours ago", "hour"),
    ("{n} days ago", "day"),
    ("{n} minutes ago", "minute"),
    ("vor {n} Stunden", "hour"),
    ("vor {n} Tagen", "day"),
    ("il y a {n} heures", "hour"),
    ("il y a {n} jours", "day"),
    ("hace {n} horas", "hour"),
    ("hace {n} días", "day"),
    ("há {n} horas", "hour"),
    ("há {n} dias", "day"),
    ("{n} ore fa", "hour"),
    ("{n} giorni fa", "day"),
    ("{n} часа назад", "hour"),
    ("{n} дня назад", "day"),
]


def r_relative(v: datetime, rng: random.Random) -> tuple[str, object]:
    template, unit = rng.choice(RELATIVE)
    n = rng.randint(2, 4)
    text = template.format(n=n)
    if unit == "day":
        return text, REFERENCE.date() - timedelta(days=n)
    return text, REFERENCE - timedelta(**{unit + "s": n})


def r_yesterday(v: datetime, rng: random.Random) -> tuple[str, object]:
    word = rng.choice(["yesterday", "gestern", "hier", "ayer", "ontem", "ieri", "вчера"])
    return word, REFERENCE.date() - timedelta(days=1)


def r_yearless(v: datetime, rng: random.Random) -> tuple[str, object]:
    day = REFERENCE.date() - timedelta(days=rng.randint(0, 360))
    lang = rng.choice(["en", "en-dateline", "fr", "de"])
    if lang == "en":
        return f"{AP_SHORT[day.month - 1]} {day.day}", day
    if lang == "en-dateline":
        return f"TAIPEI, {SHORT[day.month - 1]} {day.day} (Reuters) -", day
    if lang == "fr":
        return f"{day.day} {month('fr', day.month)}", day
    return f"{day.day}. {month('de', day.month)}", day


FORMS: dict[str, Callable[..., tuple[str, object]]] = {
    name.removeprefix("r_"): func
    for name, func in dict(globals()).items()
    if name.startswith("r_") and callable(func)
}
SEEDED = {"relative", "yesterday", "yearless"}


def negatives(rng: random.Random) -> Iterator[tuple[str, str]]:
    """Strings with digits (or date words) that hold no date."""
    r = rng.randint
    makers: list[Callable[[], tuple[str, str]]] = [
        lambda: ("price", f"${r(1, 999)}.{r(0, 99):02d}"),
        lambda: ("price", f"€{r(1, 9)}.{r(100, 999)},{r(0, 99):02d}"),
        lambda: ("score", f"won {r(0, 9)}-{r(0, 9)}"),
        lambda: ("score", f"a {r(80, 130)}-{r(80, 130)} win"),
        lambda: ("fraction", f"{r(1, 9)}/{r(2, 12)} of voters"),
        lambda: ("phone", f"Phone: +{r(1, 99)}-{r(100, 999)}-{r(1000000, 9999999)}"),
        lambda: ("phone", f"Call {r(200, 999)}-{r(1000, 9999)}"),
        lambda: ("phone", f"+1 ({r(200, 999)}) {r(200, 999)}-{r(1000, 9999)}"),
        lambda: ("version", f"version {r(1, 9)}.{r(0, 20)}.{r(0, 20)}"),
        lambda: ("ip", f"IP {r(1, 255)}.{r(0, 255)}.{r(0, 255)}.{r(1, 255)}"),
        lambda: ("year", f"in {r(1990, 2030)}"),
        lambda: ("year", f"© Copyright {r(2000, 2030)}"),
        lambda: ("month-year", f"{month('en', r(1, 12))} {r(1990, 2030)}"),
        lambda: ("time", f"at {r(1, 12)}:{r(0, 59):02d}"),
        lambda: ("percent", f"up {r(1, 99)}.{r(0, 9)}%"),
        lambda: ("count", f"{r(1, 999)},{r(100, 999)} people"),
        lambda: ("range", f"{r(1, 9)}-{r(10, 20)} days"),
        lambda: ("ratio", f"ratio {r(1, 20)}:{r(1, 20)}"),
        lambda: ("sentence", "Officials said the talks would continue next week."),
        lambda: ("sentence", f"The company hired {r(2, 900)} engineers and {r(2, 90)} designers."),
        lambda: ("invalid", f"{r(32, 39)} {month('en', r(1, 12))} {r(2000, 2030)}"),
        lambda: ("invalid", f"{r(13, 19)}/{r(13, 28)}/{r(2000, 2030)}"),
    ]
    while True:
        yield rng.choice(makers)()


def build_corpus(size: int, seed: int) -> list[Item]:
    rng = random.Random(seed)
    start = datetime(1995, 1, 1, tzinfo=UTC).timestamp()
    end = datetime(2030, 12, 31, tzinfo=UTC).timestamp()
    names = sorted(FORMS)
    items: list[Item] = []
    positives = size * 7 // 8
    for index in range(positives):
        offset = timedelta(minutes=15 * rng.randint(-40, 52))
        value = datetime.fromtimestamp(rng.uniform(start, end), tz=timezone(offset))
        form = names[index % len(names)]
        func = FORMS[form]
        text, expected = func(value, rng) if form in SEEDED else func(value)
        items.append(Item(form, text, expected))  # type: ignore[arg-type]
    makers = negatives(rng)
    for _ in range(size - positives):
        kind, text = next(makers)
        items.append(Item("none:" + kind, text, None))
    return items


# --- the parsers, each called as its users call it ----------------------------------------


def run_newsclean(text: str) -> object:
    result = parse_date(text, reference=REFERENCE)
    return None if result is None else result.value


def make_dateparser() -> Callable[[str], object] | None:
    try:
        import dateparser
    except ImportError:
        return None
    settings = {
        "RELATIVE_BASE": REFERENCE.replace(tzinfo=None),
        "TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
    }

    def run(text: str) -> object:
        return dateparser.parse(text, settings=settings)  # type: ignore[arg-type]

    return run


def make_dateutil() -> Callable[[str], object] | None:
    try:
        from dateutil import parser
    except ImportError:
        return None
    default = REFERENCE.replace(hour=0, minute=0, tzinfo=None)

    def run(text: str) -> object:
        try:
            return parser.parse(text, fuzzy=True, default=default)
        except (ValueError, OverflowError, TypeError):
            return None

    return run


# --- scoring -------------------------------------------------------------------------------


def judge(expected: object, got: object) -> str:
    """'exact', 'wrong' or 'missed' (see the module docstring)."""
    if got is None:
        return "missed" if expected is not None else "exact"
    if expected is None or not isinstance(got, date):
        return "wrong"
    if isinstance(expected, datetime):
        if not isinstance(got, datetime):
            return "missed" if got == expected.date() else "wrong"
        aware = got if got.utcoffset() is not None else got.replace(tzinfo=UTC)
        if aware == expected:
            return "exact"
        return "wrong"
    assert isinstance(expected, date)
    day = got.date() if isinstance(got, datetime) else got
    return "exact" if day == expected else "wrong"


@dataclass
class Score:
    name: str
    n: int
    exact: int
    wrong: int
    missed: int
    per_second: float
    by_form: dict[str, Counter[str]]


def measure(name: str, func: Callable[[str], object], items: list[Item], repeat: int) -> Score:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        outcomes: Counter[str] = Counter()
        by_form: dict[str, Counter[str]] = {}
        for item in items:
            verdict = judge(item.expected, func(item.text))
            outcomes[verdict] += 1
            by_form.setdefault(item.form.split(":")[0], Counter())[verdict] += 1
        best = float("inf")
        texts = [item.text for item in items]
        for _ in range(repeat):
            # CPU time of this process: parses per second on one core, even on a busy machine.
            start = time.process_time()
            for text in texts:
                func(text)
            best = min(best, time.process_time() - start)
    return Score(
        name,
        len(items),
        outcomes["exact"],
        outcomes["wrong"],
        outcomes["missed"],
        len(items) / best,
        by_form,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=4000, help="corpus size (default 4000)")
    parser.add_argument("--seed", type=int, default=20260128)
    parser.add_argument(
        "--anchor-limit",
        type=int,
        default=0,
        help="score dateparser and dateutil on the first N strings only (0: all)",
    )
    parser.add_argument("--forms", action="store_true", help="print newsclean's score per form")
    args = parser.parse_args()
    items = build_corpus(args.size, args.seed)
    print(
        f"corpus: {len(items)} strings, {len(FORMS)} forms, "
        f"{sum(item.expected is None for item in items)} without a date; seed {args.seed}"
    )
    scores = [measure("newsclean.dates.parse_date", run_newsclean, items, repeat=5)]
    anchor_items = items[: args.anchor_limit] if args.anchor_limit else items
    for name, factory in (
        ("dateparser.parse", make_dateparser),
        ("dateutil.parser.parse(fuzzy=True)", make_dateutil),
    ):
        func = factory()
        if func is None:
            print(f"note: {name.split('.')[0]} is not installed; skipped")
            continue
        scores.append(measure(name, func, anchor_items, repeat=1))
    print()
    print(f"{'parser':36} {'strings':>7} {'exact':>7} {'wrong':>7} {'missed':>7} {'parses/s':>10}")
    for s in scores:
        print(
            f"{s.name:36} {s.n:7d} {s.exact / s.n:7.1%} {s.wrong / s.n:7.2%} "
            f"{s.missed / s.n:7.2%} {s.per_second:10,.0f}"
        )
    if args.forms:
        print("\nnewsclean by form (exact / wrong / missed):")
        for form, counts in sorted(scores[0].by_form.items()):
            total = sum(counts.values())
            print(
                f"  {form:18} {counts['exact']:4d}/{total:<4d} wrong {counts['wrong']:3d} "
                f"missed {counts['missed']:3d}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
