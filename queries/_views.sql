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
-- year is the plan whose period starts with that year, or else the latest plan that has it.
create or replace view adopted_activities as
with choice as (
    select plan_id, region, plan_year,
           row_number() over (partition by region, plan_year
                              order by (period_start = plan_year) desc, period_start desc, plan_id) as rank
    from (select distinct plan_id, region, plan_year, period_start from plan_activities where plan_year is not null)
)
select pa.* from plan_activities pa join choice c using (plan_id, plan_year) where c.rank = 1;

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
