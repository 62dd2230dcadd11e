-- plans_ingested: every plan read: its region and period, the file chosen for it, its pages, the rows read from it and its warnings.
-- params: region= (only this region; empty for all)
-- columns: region, organisation, period, source_file (the chosen file), file_format, n_pages (of the chosen file, else of the plan's other files: a Word file has no fixed pages), n_activities, n_budget_lines, n_proposals, n_national_activities, warnings (list), other_files (list: the plan's other files)
with others as (
    select plan_id, list(source_file order by source_file) as other_files, max(n_pages) as other_pages
    from plan_documents
    where preference > 1
    group by plan_id
)
select p.region, p.organisation, p.period, d.source_file, d.file_format,
       coalesce(d.n_pages, o.other_pages) as n_pages,
       d.n_activities, d.n_budget_lines, d.n_proposals, d.n_national_activities,
       coalesce(d.warnings, []) as warnings,
       coalesce(o.other_files, []) as other_files
from plans p
join documents d using (doc_id)
left join others o using (plan_id)
where $region = '' or p.region = $region
order by p.region, p.period_start, p.plan_id;
