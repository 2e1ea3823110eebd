"""A chart of one metric over time (needs the optional extra: pip install 'ictstats[plot]')."""
from __future__ import annotations

from datetime import date

from .series import Point

STYLE = {  # status -> (marker, filled, line style)
    "actual": ("o", True, "-"),
    "estimate": ("s", False, "--"),
    "target": ("D", False, ":"),
}


class PlotUnavailable(RuntimeError):
    """matplotlib is not installed."""


def period_midpoint(period: str) -> date:
    """Where a period sits on a time axis: the middle of the year, month or interval."""
    def bounds(part: str) -> tuple[date, date]:
        bits = [int(b) for b in part.split("-")]
        if len(bits) == 1:
            return date(bits[0], 1, 1), date(bits[0], 12, 31)
        if len(bits) == 2:
            return date(bits[0], bits[1], 1), date(bits[0], bits[1], 28)
        d = date(*bits)
        return d, d

    parts = period.split("/")
    lo, hi = bounds(parts[0])[0], bounds(parts[-1])[1]
    return lo + (hi - lo) / 2


def plot(points: list[Point], metric: str, output: str, *, title: str | None = None) -> int:
    """Draw the series to ``output`` (.png or .svg); return how many values were drawn."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise PlotUnavailable("plotting needs matplotlib: pip install 'ictstats[plot]'") from None
    from matplotlib.ticker import FuncFormatter

    fig, ax = plt.subplots(figsize=(9, 4.8), dpi=110)
    drawn = 0
    units = sorted({p.unit for p in points})
    conflicts_x, conflicts_y = [], []
    for status, (marker, filled, line) in STYLE.items():
        xs, ys, notes = [], [], []
        for p in (p for p in points if p.status == status):
            counts = p.value_documents.split("; ")
            for value, count in zip(p.values.split("; "), counts):
                x, y = period_midpoint(p.period), float(value.split()[0].split("–")[0])
                xs.append(x)
                ys.append(y)
                notes.append(int(count))
                if p.conflict:
                    conflicts_x.append(x)
                    conflicts_y.append(y)
        if not xs:
            continue
        order = sorted(range(len(xs)), key=lambda i: (xs[i], ys[i]))
        xs, ys, notes = [xs[i] for i in order], [ys[i] for i in order], [notes[i] for i in order]
        ax.plot(xs, ys, line, marker=marker, markersize=8, label=f"{status} ({len(xs)})",
                markerfacecolor=None if filled else "white", linewidth=1.2)
        for i, (x, y, n) in enumerate(zip(xs, ys, notes)):
            # conflicting values share a period: put their labels on alternate sides
            below = i > 0 and xs[i - 1] == x
            ax.annotate(f"{n} src", (x, y), textcoords="offset points", xytext=(0, -14 if below else 9), ha="center", fontsize=8)
        drawn += len(xs)
    if conflicts_x:
        ax.scatter(conflicts_x, conflicts_y, s=260, facecolors="none", edgecolors="crimson", linewidths=1.4, label="conflicting values", zorder=3)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 100 else f"{v:g}"))
    ax.set_title(title or metric)
    ax.set_ylabel(", ".join(u for u in units if u) or "value")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(output)
    plt.close(fig)
    return drawn
