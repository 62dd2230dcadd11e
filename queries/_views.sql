-- Views over the curated tables that every named query builds on.
-- A plan is identified by its organisation and period; the same plan often exists as several files
-- (the .docx and the PDF exported from it, a re-saved copy). One document per plan is chosen:
-- the Word file first (it is the source the PDF was made from), then the newest file (file_mtime),
-- then the latest ingested, then doc_id so the choice is deterministic.

create or replace view plan_documents as
select *,
       row_number() over (partition by plan_id
                          order by (file_format = 'docx') desc, file_mtime desc, ingested_at desc, doc_id) as preference,
       count(*) over (partition by plan_id) as n_documents
from (
    select d.*,
           case when d.period_start is null then d.doc_id
                else lower(coalesce(d.organisation, d.region, d.doc_id)) || ' ' || d.period_start || '-' || d.period_end
           end as plan_id,
           d.period_start || '-' || d.period_end as period
    from documents d
);

create or replace view plans as
select plan_id, organisation, region, period_start, period_end, period, doc_id, file_format, source_file,
       n_documents
from plan_documents
where preference = 1;

create or replace view plan_activities as
select a.*, p.plan_id, p.period_start, p.period_end, p.period
from activities a join plans p using (doc_id);

-- A year often appears in two plans: preliminary in one, adopted in the next. The adopted version of a
-- year is the plan whose period starts with that year, or else the latest plan that has it (rank 1).
create or replace view plan_years as
select plan_id, region, plan_year, period_start, period,
       row_number() over (partition by region, plan_year
                          order by (period_start = plan_year) desc, period_start desc, plan_id) as rank
from (select distinct plan_id, region, plan_year, period_start, period from plan_activities where plan_year is not null);

create or replace view adopted_activities as
select pa.* from plan_activities pa join plan_years y using (plan_id, plan_year) where y.rank = 1;

-- Per region and plan year: the plan that adopted the year and the latest earlier plan in which it stood
-- as preliminary (null where no earlier plan has it).
create or replace view plan_year_versions as
select a.region, a.plan_year, a.plan_id as adopted_plan, a.period as adopted_period,
       arg_max(p.plan_id, p.period_start) as preliminary_plan, arg_max(p.period, p.period_start) as preliminary_period
from plan_years a
left join plan_years p on p.region = a.region and p.plan_year = a.plan_year and p.period_start < a.period_start
where a.rank = 1
group by all;

create or replace view plan_budget_lines as
select b.*, p.plan_id, p.period_start, p.period_end, p.period
from budget_lines b join plans p using (doc_id);

create or replace view adopted_budget_lines as
with choice as (
    select plan_id, region, budget_year, kind,
           row_number() over (partition by region, budget_year, kind
                              order by (period_start = budget_year) desc, period_start desc, plan_id) as rank
    from (select distinct plan_id, region, budget_year, kind, period_start from plan_budget_lines)
)
select pb.* from plan_budget_lines pb join choice c using (plan_id, budget_year, kind) where c.rank = 1;

create or replace view plan_proposals as
select pr.*, p.plan_id, p.period_start, p.period_end, p.period
from proposals pr join plans p using (doc_id);

create or replace view plan_national_activities as
select n.*, p.plan_id, p.period_start, p.period_end, p.period
from national_activities n join plans p using (doc_id);
