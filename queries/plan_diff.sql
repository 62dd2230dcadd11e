-- plan_diff: for a region and a year, the activities added, removed and changed between the preliminary plan (the latest earlier plan that covers the year) and the adopted one (view plan_year_versions).
-- params: region (required), year (required)
-- columns: change (added | removed | changed), activity_key, aktivitet, changed_fields (list), preliminary_plan, adopted_plan
with versions as (
    select * from plan_year_versions where region = $region and plan_year = cast($year as integer)
),
adopted as (
    select pa.* from plan_activities pa join versions v on pa.plan_id = v.adopted_plan and pa.plan_year = v.plan_year
),
prelim as (
    select pa.* from plan_activities pa join versions v on pa.plan_id = v.preliminary_plan and pa.plan_year = v.plan_year
),
pairs as (
    select coalesce(a.activity_key, p.activity_key) as activity_key,
           coalesce(a.aktivitet, p.aktivitet) as aktivitet,
           a.activity_key is not null as in_adopted, p.activity_key is not null as in_prelim,
           list_filter([
               case when a.aktivitet is distinct from p.aktivitet then 'aktivitet' end,
               case when a.category_norm is distinct from p.category_norm then 'category' end,
               case when a.aktivitetsmal is distinct from p.aktivitetsmal then 'aktivitetsmal' end,
               case when a.genomforande is distinct from p.genomforande then 'genomforande' end,
               case when a.tid is distinct from p.tid then 'tid' end,
               case when a.ansvar is distinct from p.ansvar then 'ansvar' end,
               case when a.samverkansparter is distinct from p.samverkansparter then 'samverkansparter' end,
               case when a.effektmal is distinct from p.effektmal then 'effektmal' end
           ], lambda x: x is not null) as changed_fields
    from adopted a full join prelim p on a.activity_key = p.activity_key
)
select case when not in_prelim then 'added' when not in_adopted then 'removed' else 'changed' end as change,
       activity_key, aktivitet,
       case when in_prelim and in_adopted then changed_fields else [] end as changed_fields,
       (select preliminary_plan from versions) as preliminary_plan,
       (select adopted_plan from versions) as adopted_plan
from pairs
where not (in_prelim and in_adopted) or len(changed_fields) > 0
order by change, aktivitet;
