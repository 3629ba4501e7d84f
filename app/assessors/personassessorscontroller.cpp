#include "assessors/personassessorscontroller.h"

#include "assessors/assessorwords.h"
#include "common/convert.h"
#include "common/timings.h"

#include "assessors/assessor_service.h"
#include "ledger.h"

using convert::text;

PersonAssessorsController::PersonAssessorsController(QObject* parent)
    : PageController(parent), m_authorisations(new VariantListModel(assessorwords::roles(), this)) {
}

void PersonAssessorsController::setEmployeeId(const QString& id) {
    if (id == m_employeeId) {
        return;
    }
    m_employeeId = id;
    emit employeeIdChanged();
    refresh();
}

void PersonAssessorsController::build() {
    const timings::Scope timing("interface: PersonAssessorsController built");
    QList<QVariantMap> rows;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (l && !m_employeeId.isEmpty()) {
        const ledger::Date today = m_session->todayDate();
        const std::string id = text(m_employeeId);
        std::vector<ledger::EquipmentCategory> categories;
        for (const ledger::AssessorLevel level :
             {ledger::AssessorLevel::InHouse, ledger::AssessorLevel::Level3,
              ledger::AssessorLevel::Level4}) {
            // By level code (byte order), one targeted question each.
            const auto found = l->assessors().find(id, level);
            if (!found) {
                continue;
            }
            if (categories.empty()) {
                categories = l->assessors().categories();
            }
            rows << assessorwords::rowOf(*found, ledger::checkTrustedAssessor(*found, today), today,
                                         m_session->staffName(m_employeeId), QString(),
                                         m_session->staffName(text(found->signedOffBy)),
                                         categories);
        }
    }
    m_authorisations->setRows(rows);
}
