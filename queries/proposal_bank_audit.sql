-- proposal_bank_audit: every proposal in a region's proposal bank: in which plans it stood, and whether it became an activity, is still in the bank, or was dropped.
-- params: region= (only this region; empty for all)
-- columns: region, proposal_key, proposal (latest wording), first_period, last_period, plans_in_bank, status (promoted | still_in_bank | dropped), promoted_year, candidate_activities (near matches below the key threshold, for a person to judge)
with bank as (
    select region, proposal_key,
           arg_max(text, period_start) as proposal,
           min(period_start) as first_start,
           arg_min(period, period_start) as first_period,
           arg_max(period, period_start) as last_period,
           max(period_start) as last_start,
           count(distinct plan_id) as plans_in_bank
    from plan_proposals
    where proposal_key is not null and ($region = '' or region = $region)
    group by region, proposal_key
),
latest as (select region, max(period_start) as latest_start from plans group by region),
promoted as (
    select b.region, b.proposal_key, min(a.plan_year) as promoted_year
    from bank b join plan_activities a on a.region = b.region and a.activity_key = b.proposal_key
    where a.plan_year >= b.first_start
    group by all
),
titles as (select distinct region, aktivitet from plan_activities where aktivitet <> ''),
candidates as (
    select b.region, b.proposal_key, list(distinct t.aktivitet order by t.aktivitet) as candidate_activities
    from bank b join titles t on t.region = b.region
    where title_similarity(b.proposal, t.aktivitet) between 75 and 89.999
    group by all
)
select b.region, b.proposal_key, b.proposal, b.first_period, b.last_period, b.plans_in_bank,
       case when p.promoted_year is not null then 'promoted'
            when b.last_start = l.latest_start then 'still_in_bank'
            else 'dropped' end as status,
       p.promoted_year,
       coalesce(c.candidate_activities, []) as candidate_activities
from bank b
join latest l using (region)
left join promoted p using (region, proposal_key)
left join candidates c using (region, proposal_key)
order by b.region, status, b.proposal;
