"""Plots of the named queries' results, shared by the notebook, the README and `vplan report`.

Each function takes a named query's DataFrame and returns a matplotlib Figure; `lang`
chooses the labels ("en" in the notebook, "sv" in the Swedish report).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .display import KIND, STATUS, label, number_sv, translated

STATUS_COLOURS = {"promoted": "#2a9d8f", "still_in_bank": "#e9c46a", "dropped": "#e76f51"}
PALETTE = ["#264653", "#2a9d8f", "#8ab17d", "#e9c46a", "#f4a261", "#e76f51", "#6d597a", "#457b9d",
           "#b56576", "#a8a8a8", "#588157", "#bc6c25"]
KIND_STYLES = {"budget": "-", "utfall": "--", "prognos": ":"}


def category_colours(categories) -> dict[str, str]:
    """One colour per category, the same in every panel and chart that is given the same categories."""
    return {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(sorted(categories))}


def activities_per_category(df: pd.DataFrame, lang: str = "en", categories=None, columns: int = 3):
    """One panel per region: stacked activities per category over the plan years (activities_over_time).

    `categories` (default: those in `df`) fixes the colours, so separate charts of
    single regions colour each category alike.
    """
    regions = sorted(df["region"].dropna().unique())
    colours = category_colours(categories if categories is not None else df["category_norm"].dropna().unique())
    ncols = max(1, min(columns, len(regions)))
    nrows = max(1, -(-len(regions) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(5 * ncols + 2, 3.6 * nrows), sharey=True, squeeze=False)
    for ax, region in zip(axes.flat, regions):
        table = (df[df.region == region].pivot_table(index="plan_year", columns="category_norm",
                                                     values="activities", aggfunc="sum", fill_value=0)
                 .reindex(columns=[c for c in colours if c in set(df.category_norm)], fill_value=0))
        table.plot.bar(stacked=True, ax=ax, legend=False, width=0.75, rot=0,
                       color=[colours[c] for c in table.columns])
        ax.set_title(region)
        ax.set_xlabel(label("plan_year", lang))
        ax.set_ylabel(label("activities", lang))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        plain_axes(ax)
    for ax in list(axes.flat)[len(regions):]:
        ax.set_visible(False)
    present = set(df["category_norm"].dropna())
    handles = [plt.Rectangle((0, 0), 1, 1, color=colour) for c, colour in colours.items() if c in present]
    fig.legend(handles, [c for c in colours if c in present], loc="center left", bbox_to_anchor=(1.0, 0.5),
               title=label("category", lang), frameon=False)
    fig.tight_layout()
    return fig


def proposal_flow(df: pd.DataFrame, lang: str = "en"):
    """Proposals per region by what became of them (proposal_bank_audit)."""
    table = df.pivot_table(index="region", columns="status", values="proposal_key", aggfunc="count", fill_value=0)
    table = table.reindex(columns=[s for s in STATUS_COLOURS if s in table.columns]).sort_index(ascending=False)
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.45 * len(table)))
    table.rename(columns=lambda s: translated(STATUS, s, lang)).plot.barh(
        stacked=True, ax=ax, color=[STATUS_COLOURS[s] for s in table.columns], width=0.7)
    ax.set_xlabel(label("proposals", lang))
    ax.set_ylabel("")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    plain_axes(ax, grid="x")
    fig.tight_layout()
    return fig


def budget_per_region(df: pd.DataFrame, lang: str = "en"):
    """Income and cost totals per region and year (budget_over_time): a line per region, its style the kind."""
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), sharey=True)
    regions = sorted(df["region"].dropna().unique())
    colours = {r: PALETTE[i % len(PALETTE)] for i, r in enumerate(regions)}
    for ax, column in zip(axes, ["income_tkr", "cost_tkr"]):
        for (region, kind), rows in df.dropna(subset=[column]).groupby(["region", "kind"]):
            rows = rows.sort_values("budget_year")
            ax.plot(rows["budget_year"], rows[column], marker="o", color=colours[region],
                    linestyle=KIND_STYLES.get(kind, "-."), label=f"{region} ({translated(KIND, kind, lang)})")
        ax.set_title(label("income" if column == "income_tkr" else "cost", lang))
        ax.set_xlabel(label("year", lang))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, ax.get_ylim()[1] * 1.08)  # from zero, so a small change does not look like a large one
        if lang == "sv":
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_sv(v)))
        plain_axes(ax)
    handles, labels = axes[1].get_legend_handles_labels()
    fig.legend(handles, labels, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    fig.tight_layout()
    return fig


def plain_axes(ax, grid: str = "y") -> None:
    """No top and right frame lines; a light grid behind the values."""
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis=grid, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
