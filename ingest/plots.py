"""Plots of the named queries' results, for the notebook and the README."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

STATUS_COLOURS = {"promoted": "#2a9d8f", "still_in_bank": "#e9c46a", "dropped": "#e76f51"}


def activities_per_category(df: pd.DataFrame):
    """One panel per region: stacked activities per category over the plan years (activities_over_time)."""
    regions = sorted(df["region"].dropna().unique())
    categories = sorted(df["category_norm"].dropna().unique())
    fig, axes = plt.subplots(1, len(regions), figsize=(5 * len(regions), 4), sharey=True, squeeze=False)
    for ax, region in zip(axes[0], regions):
        table = (df[df.region == region].pivot_table(index="plan_year", columns="category_norm",
                                                     values="activities", aggfunc="sum", fill_value=0)
                 .reindex(columns=categories, fill_value=0))
        table.plot.bar(stacked=True, ax=ax, legend=False, width=0.8)
        ax.set_title(region)
        ax.set_xlabel("plan year")
        ax.set_ylabel("activities")
    handles, labels = axes[0][-1].get_legend_handles_labels()
    fig.legend(handles, labels, loc="center left", bbox_to_anchor=(1.0, 0.5), title="category")
    fig.tight_layout()
    return fig


def proposal_flow(df: pd.DataFrame):
    """Proposals per region by what became of them (proposal_bank_audit)."""
    table = df.pivot_table(index="region", columns="status", values="proposal_key", aggfunc="count", fill_value=0)
    table = table.reindex(columns=[s for s in STATUS_COLOURS if s in table.columns])
    ax = table.plot.barh(stacked=True, color=[STATUS_COLOURS[s] for s in table.columns], figsize=(8, 3))
    ax.set_xlabel("proposals in the bank")
    ax.set_ylabel("")
    ax.figure.tight_layout()
    return ax.figure


def budget_per_region(df: pd.DataFrame):
    """Cost totals per region and year, by kind (budget_over_time)."""
    df = df.assign(series=df["region"] + " (" + df["kind"] + ")")
    table = df.pivot_table(index="budget_year", columns="series", values="cost_tkr", aggfunc="sum")
    ax = table.plot(marker="o", figsize=(8, 4))
    ax.set_xlabel("year")
    ax.set_ylabel("costs, tkr")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.figure.tight_layout()
    return ax.figure
