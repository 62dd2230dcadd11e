-- activities_over_time: how many activities each region planned per year and category, each year counted once from its adopted plan.
-- params: region= (only this region; empty for all)
-- columns: region, plan_year, category_norm, activities
select region, plan_year, category_norm, count(*) as activities
from adopted_activities
where $region = '' or region = $region
group by all
order by region, plan_year, category_norm;
