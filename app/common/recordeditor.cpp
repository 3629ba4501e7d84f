#include "common/recordeditor.h"

#include "common/convert.h"
#include "common/timings.h"
#include "session/session.h"

#include "base/validation.h"

using convert::text;

namespace {

using Errors = QVariantMap;

QString field(const QVariantMap& fields, const char* name) {
    return fields.value(QLatin1String(name)).toString().trimmed();
}

void addError(Errors& errors, const QString& name, const QString& message) {
    const QString previous = errors.value(name).toString();
    errors.insert(name, previous.isEmpty() ? message : previous + QLatin1Char('\n') + message);
}

/// Reads fields into a record, noting what cannot be read; the validators then check the
/// rest, and fields that failed to read are not reported twice.
class Reader {
public:
    Reader(const QVariantMap& fields, Errors& errors) : m_fields(fields), m_errors(errors) {}

    std::string str(const char* name) const { return text(field(m_fields, name)); }

    ledger::Date date(const char* name, bool required) {
        return optionalDate(name, required).value_or(ledger::Date{});
    }
    std::optional<ledger::Date> optionalDate(const char* name, bool required = false) {
        const QString value = field(m_fields, name);
        if (value.isEmpty()) {
            if (required) {
                fail(name, QObject::tr("A date is required (DD/MM/YYYY)."));
            }
            return std::nullopt;
        }
        const auto parsed = convert::parseTyped(value);
        if (!parsed) {
            fail(name, QObject::tr("Type a real date as DD/MM/YYYY, for example 31/03/2026."));
        }
        return parsed;
    }
    std::optional<int> number(const char* name, int lo, int hi, std::optional<int> fallback) {
        const QString value = field(m_fields, name);
        if (value.isEmpty()) {
            if (!fallback) {
                fail(name, QObject::tr("A whole number is required."));
            }
            return fallback;
        }
        bool ok = false;
        const int parsed = value.toInt(&ok);
        if (!ok || parsed < lo || parsed > hi) {
            fail(name, QObject::tr("Type a whole number from %1 to %2.").arg(lo).arg(hi));
            return fallback ? fallback : std::optional<int>(lo);
        }
        return parsed;
    }
    void fail(const char* name, const QString& message) {
        addError(m_errors, QLatin1String(name), message);
    }
    /// Adds validator findings, except for fields already reported.
    void merge(const std::vector<ledger::FieldError>& found) {
        const Errors already = m_errors;
        for (const ledger::FieldError& e : found) {
            const QString name = text(e.field);
            if (!already.contains(name)) {
                addError(m_errors, name, convert::sentence(e.message));
            }
        }
    }

private:
    const QVariantMap& m_fields;
    Errors& m_errors;
};

QVariantMap staffFields(const ledger::Staff& s) {
    return {{QStringLiteral("employee_id"), text(s.employeeId)},
            {QStringLiteral("full_name"), text(s.fullName)},
            {QStringLiteral("email"), text(s.email)},
            {QStringLiteral("team"), text(s.team)},
            {QStringLiteral("role"), text(s.role)},
            {QStringLiteral("start_date"), convert::uk(s.startDate)},
            {QStringLiteral("leave_date"), convert::uk(s.leaveDate)},
            {QStringLiteral("line_manager_id"), text(s.lineManagerId)},
            {QStringLiteral("registration_body"),
             text(ledger::registrationBodyCode(s.registrationBody))},
            {QStringLiteral("registration_number"), text(s.registrationNumber)}};
}

QVariantMap moduleFields(const ledger::Module& m) {
    return {{QStringLiteral("code"), text(m.code)},
            {QStringLiteral("title"), text(m.title)},
            {QStringLiteral("renewal_months"),
             m.renewalMonths ? QString::number(*m.renewalMonths) : QString()},
            {QStringLiteral("renewal_basis"), text(ledger::renewalBasisCode(m.renewalBasis))},
            {QStringLiteral("window_days"), QString::number(m.windowDays)},
            {QStringLiteral("due_soon_days"), QString::number(m.dueSoonDays)},
            {QStringLiteral("asc_wds_category"),
             m.ascWdsCategory ? QString::number(*m.ascWdsCategory) : QString()}};
}

QVariantMap requirementFields(const ledger::Requirement& r) {
    return {{QStringLiteral("module"), text(r.moduleCode)},
            {QStringLiteral("scope"), text(ledger::scopeCode(r.scope))},
            {QStringLiteral("value"), text(r.value)},
            {QStringLiteral("due_within_days"), QString::number(r.dueWithinDays)},
            {QStringLiteral("effective_from"), convert::uk(r.effectiveFrom)}};
}

QVariantMap completionFields(const ledger::Completion& c) {
    return {{QStringLiteral("id"), QString::number(c.id)},
            {QStringLiteral("employee_id"), text(c.employeeId)},
            {QStringLiteral("module"), text(c.moduleCode)},
            {QStringLiteral("completed_on"), convert::uk(c.completedOn)},
            {QStringLiteral("expires_on"), convert::uk(c.expiresOn)},
            {QStringLiteral("evidence"), text(c.evidence)},
            {QStringLiteral("voided"), c.voided},
            {QStringLiteral("void_reason"), text(c.voidReason)},
            {QStringLiteral("reason"), QString()}};
}

QVariantMap themeFields(const ledger::AuditTheme& t) {
    QStringList modules;
    for (const std::string& code : t.moduleCodes) {
        modules << text(code);
    }
    return {{QStringLiteral("id"), QString::number(t.id)},
            {QStringLiteral("title"), text(t.title)},
            {QStringLiteral("source"), text(ledger::themeSourceCode(t.source))},
            {QStringLiteral("raised_on"), convert::uk(t.raisedOn)},
            {QStringLiteral("priority"), text(ledger::themePriorityCode(t.priority))},
            {QStringLiteral("status"), text(ledger::themeStatusCode(t.status))},
            {QStringLiteral("notes"), text(t.notes)},
            {QStringLiteral("modules"), modules.join(QLatin1Char(' '))}};
}

} // namespace

RecordEditor::RecordEditor(QObject* parent) : QObject(parent) {
}

void RecordEditor::setSession(Session* session) {
    if (m_session != session) {
        m_session = session;
        emit sessionChanged();
    }
}

bool RecordEditor::canRemove() const {
    return !m_isNew && m_kind != QLatin1String("staff") && m_kind != QLatin1String("completion");
}

void RecordEditor::setErrors(QVariantMap errors, QString message) {
    m_errors = std::move(errors);
    m_message = std::move(message);
    emit errorsChanged();
}

void RecordEditor::startNew(const QString& kind, const QVariantMap& preset) {
    m_kind = kind;
    m_isNew = true;
    m_key.clear();
    m_fields.clear();
    if (kind == QLatin1String("module")) {
        m_fields = moduleFields(ledger::Module{});
    } else if (kind == QLatin1String("requirement")) {
        m_fields = requirementFields(ledger::Requirement{});
        m_fields[QStringLiteral("due_within_days")] = QStringLiteral("30");
    } else if (kind == QLatin1String("completion") && m_session) {
        m_fields[QStringLiteral("completed_on")] = m_session->todayText();
    } else if (kind == QLatin1String("auditTheme") && m_session) {
        ledger::AuditTheme theme;
        theme.raisedOn = m_session->todayDate();
        m_fields = themeFields(theme);
        m_fields[QStringLiteral("id")] = QStringLiteral("0");
    } else if (kind == QLatin1String("staff") && m_session) {
        m_fields[QStringLiteral("start_date")] = m_session->todayText();
    }
    for (auto it = preset.begin(); it != preset.end(); ++it) {
        m_fields.insert(it.key(), it.value());
    }
    addPersonName();
    setErrors({}, {});
    emit loaded();
    emit fieldsChanged();
}

bool RecordEditor::load(const QString& kind, const QString& key) {
    if (!m_session || !m_session->data() || !m_session->ledger()) {
        return false;
    }
    const auto& data = *m_session->data();
    const std::string k = text(key);
    QVariantMap fields;
    if (kind == QLatin1String("staff")) {
        for (const auto& s : data.staff) {
            if (s.employeeId == k) {
                fields = staffFields(s);
            }
        }
    } else if (kind == QLatin1String("team") || kind == QLatin1String("role")) {
        const auto names = kind == QLatin1String("team") ? m_session->ledger()->staff().teams()
                                                         : m_session->ledger()->staff().roles();
        if (std::find(names.begin(), names.end(), k) != names.end()) {
            fields = {{QStringLiteral("name"), key}};
        }
    } else if (kind == QLatin1String("module")) {
        for (const auto& m : data.modules) {
            if (m.code == k) {
                fields = moduleFields(m);
            }
        }
    } else if (kind == QLatin1String("requirement")) {
        const QStringList parts = key.split(convert::kRuleKeySeparator);
        for (const auto& r : data.requirements) {
            if (parts.size() == 3 && text(r.moduleCode) == parts[0] &&
                text(ledger::scopeCode(r.scope)) == parts[1] && text(r.value) == parts[2]) {
                fields = requirementFields(r);
            }
        }
    } else if (kind == QLatin1String("completion")) {
        bool isNumber = false;
        const qint64 id = key.toLongLong(&isNumber);
        try {
            if (const auto c =
                    isNumber ? m_session->ledger()->training().completion(id) : std::nullopt) {
                fields = completionFields(*c);
            }
        } catch (...) {
            setErrors({}, Session::describeCurrentException());
            return false;
        }
    } else if (kind == QLatin1String("auditTheme")) {
        try {
            for (const auto& t : m_session->ledger()->themes().all()) {
                if (QString::number(t.id) == key) {
                    fields = themeFields(t);
                }
            }
        } catch (...) {
            setErrors({}, Session::describeCurrentException());
            return false;
        }
    }
    if (fields.isEmpty()) {
        return false;
    }
    m_kind = kind;
    m_isNew = false;
    m_key = key;
    m_fields = fields;
    addPersonName();
    setErrors({}, {});
    emit loaded();
    emit fieldsChanged();
    return true;
}

void RecordEditor::addPersonName() {
    if (m_kind != QLatin1String("completion") || !m_session || !m_session->data()) {
        return;
    }
    const std::string id = text(field(m_fields, "employee_id"));
    for (const auto& s : m_session->data()->staff) {
        if (s.employeeId == id) {
            m_fields[QStringLiteral("full_name")] = text(s.fullName);
        }
    }
}

void RecordEditor::setField(const QString& name, const QVariant& value) {
    if (m_fields.value(name) == value) {
        return;
    }
    m_fields.insert(name, value);
    emit fieldsChanged();
}

bool RecordEditor::finish(const QString& error, const QVariantMap& found) {
    QVariantMap fieldErrors = found;
    if (m_kind == QLatin1String("team") || m_kind == QLatin1String("role")) {
        // Renames report "from" and "to"; the form has one field, the name.
        for (const char* alias : {"from", "to"}) {
            if (fieldErrors.contains(QLatin1String(alias))) {
                addError(fieldErrors, QStringLiteral("name"),
                         fieldErrors.take(QLatin1String(alias)).toString());
            }
        }
    }
    if (!error.isEmpty()) {
        setErrors(fieldErrors,
                  fieldErrors.isEmpty() ? error : tr("Please correct the fields marked below."));
        return false;
    }
    setErrors({}, {});
    emit saved();
    return true;
}

bool RecordEditor::save() {
    if (!m_session || !m_session->data()) {
        return finish(tr("No ledger is open."), {});
    }
    const timings::Scope timing("interface: editor save (validate, write, bring up to date)");
    Errors errors;
    Reader read(m_fields, errors);
    const ledger::ValidationContext context =
        ledger::makeValidationContext(*m_session->data(), m_session->todayDate());
    const std::string actor = m_session->actorName();
    const ledger::Date today = m_session->todayDate();
    std::function<void(ledger::Ledger&)> work;

    if (m_kind == QLatin1String("staff")) {
        ledger::Staff s;
        s.employeeId = m_isNew ? read.str("employee_id") : text(m_key);
        s.fullName = read.str("full_name");
        s.email = read.str("email");
        s.team = read.str("team");
        s.role = read.str("role");
        s.startDate = read.date("start_date", true);
        s.leaveDate = read.optionalDate("leave_date");
        s.lineManagerId = read.str("line_manager_id");
        if (const auto body = ledger::parseRegistrationBody(read.str("registration_body"))) {
            s.registrationBody = *body;
        } else {
            read.fail("registration_body", tr("Choose Social Work England, HCPC or NMC."));
        }
        s.registrationNumber = read.str("registration_number");
        read.merge(ledger::validateStaff(s, context));
        const bool isNew = m_isNew;
        work = [s, isNew, today, actor](ledger::Ledger& l) {
            isNew ? l.staff().add(s, today, actor) : l.staff().update(s, today, actor);
        };
    } else if (m_kind == QLatin1String("team") || m_kind == QLatin1String("role")) {
        const std::string name = read.str("name");
        if (name.empty()) {
            read.fail("name", tr("A name is required."));
        }
        const bool team = m_kind == QLatin1String("team");
        const std::string from = text(m_key);
        const bool isNew = m_isNew;
        work = [=](ledger::Ledger& l) {
            if (isNew) {
                team ? l.staff().addTeam(name, actor) : l.staff().addRole(name, actor);
            } else if (from != name) {
                team ? l.staff().renameTeam(from, name, actor)
                     : l.staff().renameRole(from, name, actor);
            }
        };
    } else if (m_kind == QLatin1String("module")) {
        ledger::Module m;
        m.code = m_isNew ? read.str("code") : text(m_key);
        m.title = read.str("title");
        const QString renewal = field(m_fields, "renewal_months");
        if (!renewal.isEmpty() && renewal != QLatin1String("none")) {
            m.renewalMonths = read.number("renewal_months", 1, ledger::kMaxRenewalMonths, {});
        }
        const std::string basis = read.str("renewal_basis");
        if (basis == "expiry") {
            m.renewalBasis = ledger::RenewalBasis::Expiry;
        } else if (!basis.empty() && basis != "completion") {
            read.fail("renewal_basis", tr("Choose from the completion date or from the expiry."));
        }
        m.windowDays = *read.number("window_days", 0, ledger::kMaxDays, 90);
        m.dueSoonDays = *read.number("due_soon_days", 0, ledger::kMaxDays, 60);
        if (!field(m_fields, "asc_wds_category").isEmpty()) {
            m.ascWdsCategory = read.number("asc_wds_category", 1, 999, {});
        }
        read.merge(ledger::validateModule(m));
        const bool isNew = m_isNew;
        work = [m, isNew, actor](ledger::Ledger& l) {
            l.training().saveModule(m, isNew, actor);
        };
    } else if (m_kind == QLatin1String("requirement")) {
        ledger::Requirement r;
        if (!m_isNew) {
            // A rule is known by module, scope and value; another key is another rule.
            const QStringList key = m_key.split(convert::kRuleKeySeparator);
            m_fields[QStringLiteral("module")] = key.value(0);
            m_fields[QStringLiteral("scope")] = key.value(1);
            m_fields[QStringLiteral("value")] = key.value(2);
        }
        r.moduleCode = read.str("module");
        const std::string scope = read.str("scope");
        r.scope = scope == "team"   ? ledger::Scope::Team
                  : scope == "role" ? ledger::Scope::Role
                                    : ledger::Scope::All;
        r.value = r.scope == ledger::Scope::All ? std::string() : read.str("value");
        r.dueWithinDays = *read.number("due_within_days", 0, ledger::kMaxDays, 0);
        r.effectiveFrom = read.optionalDate("effective_from");
        read.merge(ledger::validateRequirement(r, context));
        work = [r, actor](ledger::Ledger& l) {
            l.training().saveRequirement(r, actor);
        };
    } else if (m_kind == QLatin1String("completion")) {
        ledger::Completion c;
        c.id = field(m_fields, "id").toLongLong();
        c.employeeId = read.str("employee_id");
        c.moduleCode = read.str("module");
        c.completedOn = read.date("completed_on", true);
        c.expiresOn = read.optionalDate("expires_on");
        c.evidence = read.str("evidence");
        read.merge(ledger::validateCompletion(c, context));
        const std::string reason = read.str("reason");
        if (!m_isNew && reason.empty()) {
            read.fail("reason", tr("Say why this evidence is being corrected."));
        }
        const bool isNew = m_isNew;
        work = [c, isNew, reason, today, actor](ledger::Ledger& l) {
            if (isNew) {
                l.training().addCompletion(c, today, actor);
            } else {
                l.training().correctCompletion(c, reason, today, actor);
            }
        };
    } else if (m_kind == QLatin1String("auditTheme")) {
        ledger::AuditTheme t;
        t.id = m_isNew ? 0 : m_key.toLongLong();
        t.title = read.str("title");
        if (const auto source = ledger::parseThemeSource(read.str("source"))) {
            t.source = *source;
        } else {
            read.fail("source", tr("Choose where the theme came from."));
        }
        t.raisedOn = read.date("raised_on", true);
        if (const auto priority = ledger::parseThemePriority(read.str("priority"))) {
            t.priority = *priority;
        } else {
            read.fail("priority", tr("Choose a priority."));
        }
        if (const auto status = ledger::parseThemeStatus(read.str("status"))) {
            t.status = *status;
        } else {
            read.fail("status", tr("Choose a status."));
        }
        t.notes = text(m_fields.value(QStringLiteral("notes")).toString());
        for (const QString& code :
             field(m_fields, "modules").split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            t.moduleCodes.push_back(text(code));
        }
        read.merge(ledger::validateAuditTheme(t, context));
        work = [t, today, actor](ledger::Ledger& l) {
            l.themes().save(t, today, actor);
        };
    } else {
        return finish(tr("Nothing to save."), {});
    }

    if (!errors.isEmpty()) {
        return finish(tr("Please correct the fields marked below."), errors);
    }
    QVariantMap fieldErrors;
    const QString error = m_session->write(work, &fieldErrors);
    return finish(error, fieldErrors);
}

bool RecordEditor::remove() {
    if (!m_session || !canRemove()) {
        return finish(tr("This record cannot be removed."), {});
    }
    const std::string actor = m_session->actorName();
    const std::string key = text(m_key);
    const QString kind = m_kind;
    const ledger::Requirement rule = [&] {
        ledger::Requirement r;
        const QStringList parts = m_key.split(convert::kRuleKeySeparator);
        if (parts.size() == 3) {
            r.moduleCode = text(parts[0]);
            r.scope = parts[1] == QLatin1String("team")   ? ledger::Scope::Team
                      : parts[1] == QLatin1String("role") ? ledger::Scope::Role
                                                          : ledger::Scope::All;
            r.value = text(parts[2]);
        }
        return r;
    }();
    QVariantMap fieldErrors;
    const QString error = m_session->write(
        [&](ledger::Ledger& l) {
            if (kind == QLatin1String("team")) {
                l.staff().removeTeam(key, actor);
            } else if (kind == QLatin1String("role")) {
                l.staff().removeRole(key, actor);
            } else if (kind == QLatin1String("module")) {
                l.training().removeModule(key, actor);
            } else if (kind == QLatin1String("requirement")) {
                l.training().removeRequirement(rule, actor);
            } else if (kind == QLatin1String("auditTheme")) {
                l.themes().remove(std::stoll(key), actor);
            }
        },
        &fieldErrors);
    return finish(error, {});
}

bool RecordEditor::voidCompletion() {
    if (!m_session || m_kind != QLatin1String("completion") || m_isNew) {
        return finish(tr("Only a recorded completion can be voided."), {});
    }
    const std::string reason = text(field(m_fields, "reason"));
    if (reason.empty()) {
        return finish(tr("Please correct the fields marked below."),
                      {{QStringLiteral("reason"), tr("Say why this evidence is being voided.")}});
    }
    const auto id = m_key.toLongLong();
    const std::string actor = m_session->actorName();
    QVariantMap fieldErrors;
    const QString error = m_session->write(
        [&](ledger::Ledger& l) { l.training().voidCompletion(id, reason, actor); }, &fieldErrors);
    return finish(error, fieldErrors);
}
