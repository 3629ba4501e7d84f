#include "store/ledger_copy.h"

#include "base/error.h"

namespace ledger {

const std::vector<TableColumns>& ledgerTables() {
    static const std::vector<TableColumns> kTables{
        {"setting", {"key", "value"}},
        {"team", {"id", "name"}},
        {"role", {"id", "name"}},
        {"staff",
         {"id", "employee_id", "full_name", "email", "team_id", "role_id", "start_date",
          "leave_date", "line_manager_id", "registration_body", "registration_number", "version"}},
        {"module",
         {"id", "code", "title", "renewal_months", "renewal_basis", "window_days", "due_soon_days",
          "asc_wds_category", "asc_wds_accredited", "asc_wds_who_delivered", "asc_wds_provider",
          "asc_wds_how_delivered", "version"}},
        {"change_log",
         {"id", "at", "actor", "entity", "record_key", "action", "old_values", "new_values",
          "subject_id"}},
        {"staff", {"id", "created_change", "changed_change"}, true},
        {"module", {"id", "created_change", "changed_change"}, true},
        {"requirement",
         {"id", "module_id", "scope", "value", "due_within_days", "effective_from",
          "created_change", "changed_change", "version"}},
        {"completion",
         {"id", "staff_id", "module_id", "completed_on", "expires_on", "evidence", "voided",
          "void_reason", "created_change", "changed_change", "version"}},
        {"audit_theme",
         {"id", "key", "title", "description", "source", "raised_on", "priority", "status",
          "owner_id", "created_change", "changed_change", "version"}},
        {"audit_theme_module", {"theme_id", "module_id"}},
        {"session",
         {"id", "key", "kind", "title", "starts_at", "ends_at", "facilitator_id", "speaker",
          "organisation", "capacity", "module_id", "created_change", "changed_change", "version"}},
        {"session_team", {"session_id", "team_id"}},
        {"session_role", {"session_id", "role_id"}},
        {"session_theme", {"session_id", "theme_id"}},
        {"session_invitation", {"session_id", "staff_id"}},
        {"session_feedback", {"session_id", "staff_id", "score", "comment"}},
        {"booking_action",
         {"session_id", "seq", "at", "action", "staff_id", "capacity", "reason", "change_id"}},
        {"cpd_entry",
         {"id", "staff_id", "date", "title", "type", "hours", "description", "learning", "impact",
          "peer_reflection", "standards", "status", "source_session_id", "source_completion_id",
          "created_change", "changed_change", "version"}},
        {"cpd_entry_theme", {"cpd_entry_id", "theme_id"}},
        {"attachment",
         {"id", "cpd_entry_id", "completion_id", "name", "media_type", "size", "sha256", "content"},
         false,
         "content"},
        // Trusted assessors: each role's can_sign_off, the category list (seeded by either
        // schema, so written over) and the authorisations.
        {"role", {"id", "can_sign_off"}, true},
        {"equipment_category", {"code", "label"}, false, {}, true},
        {"trusted_assessor",
         {"id", "staff_id", "level", "categories", "trained_on", "observed_assessments",
          "signed_off_by", "signed_off_on", "refresher_months", "refreshers", "restrictions",
          "withdrawn_on", "created_change", "changed_change", "version"}},
        // The programmes: ASYE enrolments and supervisions, apprenticeships with their
        // off-the-job hours and progress reviews.
        {"asye_enrolment",
         {"id", "staff_id", "start_date", "assessor_id", "supervisor_id", "protected_time_percent",
          "nine_month_review", "extension_months", "outcome_3m", "outcome_6m", "outcome_9m",
          "outcome_final", "outcome", "created_change", "changed_change", "version"}},
        {"supervision",
         {"id", "enrolment_id", "date", "created_change", "changed_change", "version"}},
        {"apprenticeship",
         {"id", "staff_id", "standard_code", "standard_title", "provider", "start_date",
          "planned_end_date", "planned_otj_hours", "review_interval_weeks", "breaks",
          "gateway_date", "epa_date", "epa_result", "withdrawn_on", "created_change",
          "changed_change", "version"}},
        {"otj_entry",
         {"id", "apprenticeship_id", "date", "hours", "created_change", "changed_change",
          "version"}},
        {"apprenticeship_review",
         {"id", "apprenticeship_id", "date", "outcome", "notes", "created_change", "changed_change",
          "version"}},
    };
    return kTables;
}

void requireNoRecords(Store& to) {
    for (const TableColumns& table : ledgerTables()) {
        if (table.update || table.seeded) {
            continue;
        }
        bool any = false;
        to.readRows(TableColumns{table.table, {table.columns.front()}, false},
                    [&](const RawRow&) { any = true; });
        if (any) {
            throw AlreadyExists("the target already holds records (" + table.table +
                                "): a ledger is copied only into an empty one");
        }
    }
}

void copyLedger(Store& from, Store& to, const Progress* progress) {
    const auto& tables = ledgerTables();
    requireNoRecords(to);
    from.beginSnapshot();
    try {
        to.begin();
    } catch (...) {
        from.endSnapshot();
        throw;
    }
    try {
        for (std::size_t i = 0; i < tables.size(); ++i) {
            if (progress && progress->report &&
                !progress->report(static_cast<double>(i) / static_cast<double>(tables.size()))) {
                throw Cancelled("copying the ledger was cancelled");
            }
            const std::unique_ptr<RowWriter> writer = to.rowWriter(tables[i]);
            from.readRows(tables[i], [&](const RawRow& row) { writer->write(row); });
            writer->finish();
        }
        from.endSnapshot();
        to.commit();
    } catch (...) {
        from.endSnapshot();
        to.rollback();
        throw;
    }
    if (progress && progress->report) {
        progress->report(1.0);
    }
}

} // namespace ledger
