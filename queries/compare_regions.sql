-- compare_regions: for one year, per region: activities per category, supervision projects, and budget income and cost.
-- params: year= (plan year; empty for the latest year any region has), kind=budget (budget | utfall | prognos)
-- columns: region, year, activities, supervision_projects, per_category (map category_norm -> activities), income_tkr, cost_tkr
with params as (
    select coalesce(try_cast(nullif($year, '') as integer), (select max(plan_year) from adopted_activities)) as year
),
acts as (
    select region, category_norm, count(*) as n
    from adopted_activities, params
    where plan_year = params.year
    group by all
),
per_region as (
    select region, sum(n)::bigint as activities,
           coalesce(sum(n) filter (where category_norm = 'Tillsynsprojekt'), 0)::bigint as supervision_projects,
           map_from_entries(list({'k': category_norm, 'v': n} order by category_norm)) as per_category
    from acts group by region
),
budget as (
    select region,
           sum(amount_tkr) filter (where section ilike 'intäkt%' or section ilike 'inkomst%') as income_tkr,
           sum(amount_tkr) filter (where section ilike 'kostnad%' or section ilike 'utgift%') as cost_tkr
    from (
        -- a section's total where the plan gives one, else the sum of its lines
        select region, section, amount_tkr, is_total,
               bool_or(is_total) over (partition by doc_id, section, budget_year, kind) as has_total
        from adopted_budget_lines, params
        where budget_year = params.year and kind = $kind
    )
    where is_total = has_total
    group by region
)
select coalesce(r.region, b.region) as region, (select year from params) as year,
       coalesce(r.activities, 0) as activities, coalesce(r.supervision_projects, 0) as supervision_projects,
       r.per_category, b.income_tkr, b.cost_tkr
from per_region r full join budget b using (region)
order by region;
