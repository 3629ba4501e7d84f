#include "catalog/nameeditor.h"

#include "common/convert.h"
#include "ledger.h"

#include <algorithm>

NameEditor::NameEditor(bool team, QObject* parent)
    : RecordForm(parent), m_team(team),
      m_name(makeField(QStringLiteral("name"), team ? tr("Team name") : tr("Role name"))) {
}

bool NameEditor::read(const QString& key) {
    auto& staff = m_session->ledger()->staff();
    const auto names = m_team ? staff.teams() : staff.roles();
    if (std::find(names.begin(), names.end(), convert::text(key)) == names.end()) {
        return false;
    }
    m_name->setText(key);
    return true;
}

QString NameEditor::nameOfRecord() const {
    return key();
}

QString NameEditor::fieldFor(const QString& reported) const {
    return reported == QLatin1String("from") || reported == QLatin1String("to")
               ? QStringLiteral("name")
               : reported;
}

RecordForm::Work NameEditor::prepare() {
    const std::string name = convert::text(textOf(QStringLiteral("name")));
    if (name.empty()) {
        m_name->addError(tr("A name is required."));
        return {};
    }
    const bool team = m_team;
    const bool adding = isNew();
    const std::string from = convert::text(key());
    const std::string actor = m_session->actorName();
    return [=](ledger::Ledger& l) {
        if (adding) {
            team ? l.staff().addTeam(name, actor) : l.staff().addRole(name, actor);
        } else if (from != name) {
            team ? l.staff().renameTeam(from, name, actor)
                 : l.staff().renameRole(from, name, actor);
        }
    };
}

RecordForm::Work NameEditor::removal() {
    const bool team = m_team;
    const std::string name = convert::text(key());
    const std::string actor = m_session->actorName();
    return [=](ledger::Ledger& l) {
        team ? l.staff().removeTeam(name, actor) : l.staff().removeRole(name, actor);
    };
}
