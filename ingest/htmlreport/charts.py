"""The report's charts: the shared plots of `ingest.plots`, in Swedish, as inline SVG."""
from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
from markupsafe import Markup

from .. import plots
from .data import ReportData


def svg(fig, name: str) -> Markup:
    """The figure as an `<svg>` element to put in the page (text kept as text, ids unique per chart).

    matplotlib escapes the texts it writes, so plan texts in titles and legends stay text.
    """
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": name}):
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buffer.getvalue()
    return Markup(text[text.index("<svg"):])


def charts(data: ReportData) -> dict:
    """`activities` (per region), `audit` and `budget`; a chart with nothing to show is left out."""
    over_time = data.over_time
    return {
        "activities": {region: svg(plots.activities_per_category(over_time[over_time.region == region], "sv",
                                                                 categories=data.categories), f"activities-{i}")
                       for i, region in enumerate(data.regions) if (over_time.region == region).any()},
        "audit": svg(plots.proposal_flow(data.audit, "sv"), "audit") if len(data.audit) else None,
        "budget": svg(plots.budget_per_region(data.budget, "sv"), "budget") if len(data.budget) else None,
    }
