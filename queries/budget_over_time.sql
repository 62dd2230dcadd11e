-- budget_over_time: per region, year and kind, the income and cost totals and the three largest cost lines.
-- params: region= (only this region; empty for all)
-- columns: region, budget_year, kind, income_tkr, cost_tkr, largest_costs (list of {label, amount_tkr})
with lines as (
    select *, bool_or(is_total) over (partition by doc_id, section, budget_year, kind) as has_total
    from adopted_budget_lines
    where $region = '' or region = $region
)
select region, budget_year, kind,
       sum(amount_tkr) filter (where is_total = has_total and (section ilike 'intäkt%' or section ilike 'inkomst%')) as income_tkr,
       sum(amount_tkr) filter (where is_total = has_total and (section ilike 'kostnad%' or section ilike 'utgift%')) as cost_tkr,
       list({'label': label, 'amount_tkr': amount_tkr} order by amount_tkr desc, seq)
           filter (where not is_total and (section ilike 'kostnad%' or section ilike 'utgift%'))[1:3] as largest_costs
from lines
group by all
order by region, budget_year, kind;
