"""The report's charts, drawn here (no library): the graphics as inline SVG, the words
beside them as HTML.

WeasyPrint lays SVG text out letter by letter, which breaks the joining of Persian
letters; so an SVG here holds only shapes and numbers (digits do not join), and every
label is HTML next to it, shaped like the rest of the page. In a right-to-left report the
bars grow from the right and the months run from right to left, as a Persian reader reads
them. Digits are Latin here: a Persian report's HTML turns them Persian on its way out,
SVG text included.
"""

from __future__ import annotations

from html import escape

from .document import Chart

TONES = {
    "active": "#1f7a4d",
    "weakening": "#c7831a",
    "dormant": "#b23b3b",
    "none": "#9aa5ad",
    "": "#2b6f8a",
}
INK = "#24323a"
MUTED = "#6b7a83"
RULE = "#d6dde1"


def _number(value: int) -> str:
    return f"{value:,}"


def nice_top(largest: int, steps: int = 4) -> int:
    """A round top for a scale of `steps` equal whole steps: each step 1, 2 or 5 × 10^n."""
    size = 1
    while True:
        for unit in (1, 2, 5):
            if unit * size * steps >= largest:
                return unit * size * steps
        size *= 10


def rows_html(chart: Chart, *, rtl: bool, bar_width: int = 300) -> str:
    """One bar a line: the label, the bar (growing from the start side), the value."""
    bars = [b for b in chart.bars if b.value or b.tone != "none"]
    top = max((b.value for b in bars), default=0) or 1
    lines = []
    for bar in bars:
        length = round(bar_width * bar.value / top)
        x = bar_width - length if rtl else 0
        colour = TONES.get(bar.tone, TONES[""])
        shape = (
            f'<rect x="{x}" y="1" width="{length}" height="12" rx="2" fill="{colour}"/>'
            if length
            else ""
        )
        baseline = f'<line x1="{bar_width if rtl else 0}" y1="0" x2="{bar_width if rtl else 0}" '
        baseline += f'y2="14" stroke="{MUTED}" stroke-width="1"/>'
        lines.append(
            f'<tr><th class="bars__label">{escape(bar.label)}</th>'
            f'<td class="bars__bar"><svg xmlns="http://www.w3.org/2000/svg" width="{bar_width}" '
            f'height="14" viewBox="0 0 {bar_width} 14">{shape}{baseline}</svg></td>'
            f'<td class="bars__value">{_number(bar.value)}</td></tr>'
        )
    return f'<table class="bars"><tbody>{"".join(lines)}</tbody></table>'


def columns_html(chart: Chart, *, rtl: bool, width: int = 620, height: int = 190) -> str:
    """Columns along an axis (the months), a scale at the start side, the values above the
    columns; the labels under them are an HTML row as wide as the plot."""
    bars = chart.bars
    scale_w, edge, top_pad, bottom = 30, 4, 14, 4
    left, right = (edge, scale_w) if rtl else (scale_w, edge)
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    top = nice_top(max((b.value for b in bars), default=0))
    slot = plot_w / max(len(bars), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">'
    ]
    for step in range(5):
        value = top * step // 4  # a whole number: the top is four whole steps
        y = top_pad + plot_h - plot_h * step / 4
        scale_x, anchor = (width - right + 4, "start") if rtl else (left - 4, "end")
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{RULE if step else MUTED}" stroke-width="{0.6 if step else 1}"/>'
            f'<text x="{scale_x}" y="{y + 3:.1f}" text-anchor="{anchor}" font-size="8" '
            f'fill="{MUTED}">{_number(value)}</text>'
        )
    for i, bar in enumerate(bars):
        position = len(bars) - 1 - i if rtl else i
        x = left + slot * position
        h = plot_h * bar.value / top
        y = top_pad + plot_h - h
        if bar.value:
            parts.append(
                f'<rect x="{x + slot * 0.2:.1f}" y="{y:.1f}" width="{slot * 0.6:.1f}" '
                f'height="{h:.1f}" rx="1.5" fill="{TONES.get(bar.tone, TONES[""])}"/>'
                f'<text x="{x + slot / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                f'font-size="8" fill="{INK}">{_number(bar.value)}</text>'
            )
    parts.append("</svg>")
    cells = "".join(f"<td>{escape(bar.label)}</td>" for bar in bars)
    start = "right" if rtl else "left"
    axis = (
        f'<table class="columns__axis" style="width:{plot_w}px;margin-{start}:{scale_w}px">'
        f"<tr>{cells}</tr></table>"
    )
    return f'<div class="columns">{"".join(parts)}{axis}</div>'


def chart_html(chart: Chart, *, rtl: bool) -> str:
    if chart.shape == "columns":
        return columns_html(chart, rtl=rtl)
    return rows_html(chart, rtl=rtl)
