-- recurring_activities: which activities come back year after year (same activity_key), in which years, and how often.
-- params: region= (only this region; empty for all), min_years=2 (appear in at least this many years)
-- columns: region, activity_key, aktivitet (latest wording), years (list of plan years), n_years
select region, activity_key,
       arg_max(aktivitet, plan_year) as aktivitet,
       list(distinct plan_year order by plan_year) as years,
       count(distinct plan_year) as n_years
from adopted_activities
where activity_key is not null and ($region = '' or region = $region)
group by region, activity_key
having count(distinct plan_year) >= cast($min_years as integer)
order by region, n_years desc, activity_key;
