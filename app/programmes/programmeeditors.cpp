#include "programmes/programmeeditors.h"

#include "ledger.h"
#include "programmes/programme_service.h"

#include <QRegularExpression>

using convert::text;

namespace {

QStringList keyParts(const QString& key) {
    return key.split(QLatin1Char('|'));
}

/// Hours typed that are not hours: the spec's own words ask for a whole number in a range,
/// which hours have not.
void wordHours(EditorField* f) {
    if (f && !f->error().isEmpty() && !f->text().trimmed().isEmpty()) {
        f->setError(
            QObject::tr("Type hours as a number with up to two decimals, for example 7.5."));
    }
}

QString nameFor(const Session* session, const QString& employeeId) {
    return session ? session->staffName(employeeId) : QString();
}

} // namespace

// --- PersonRecordForm -----------------------------------------------------------------------

QString PersonRecordForm::personName() const {
    return nameFor(m_session, textOf(QStringLiteral("employee_id")));
}

void PersonRecordForm::watchPerson(EditorField* employeeId) {
    connect(employeeId, &EditorField::textChanged, this, &PersonRecordForm::personNameChanged);
}

// --- AsyeEditor -----------------------------------------------------------------------------

AsyeEditor::AsyeEditor(QObject* parent)
    : PersonRecordForm(parent), m_fields(*this, ledger::asyeSpec()) {
    watchPerson(m_fields.at("employee_id"));
}

void AsyeEditor::clear() {
    m_fields.show(ledger::AsyeEnrolment{});
    m_fields.at("start_date")->setText(m_session ? m_session->todayText() : QString());
    m_id = 0;
}

bool AsyeEditor::read(const QString& key) {
    const auto e = m_session->ledger()->programmes().enrolment(text(key));
    if (!e) {
        return false;
    }
    m_fields.show(*e);
    m_id = e->id;
    m_version = e->version;
    return true;
}

QString AsyeEditor::nameOfRecord() const {
    const QString name = personName();
    return tr("the ASYE of %1").arg(name.isEmpty() ? textOf(QStringLiteral("employee_id")) : name);
}

RecordForm::Work AsyeEditor::prepare() {
    ledger::AsyeEnrolment e;
    m_fields.read(e);
    e.id = isNew() ? 0 : m_id;
    e.version = isNew() ? ledger::RecordVersion{} : m_version;
    const ledger::Date today = m_session->todayDate();
    const std::string actor = m_session->actorName();
    return [e, today, actor](ledger::Ledger& l) {
        l.programmes().save(e, today, actor);
    };
}

// --- SupervisionEditor ----------------------------------------------------------------------

SupervisionEditor::SupervisionEditor(QObject* parent)
    : PersonRecordForm(parent), m_fields(*this, ledger::supervisionSpec()) {
    watchPerson(m_fields.at("employee_id"));
}

void SupervisionEditor::clear() {
    m_fields.show(ledger::Supervision{});
    m_fields.at("date")->setText(m_session ? m_session->todayText() : QString());
    m_stored = {};
}

bool SupervisionEditor::read(const QString& key) {
    const QStringList parts = keyParts(key);
    const auto date = parts.size() == 2 ? ledger::parseIsoDate(text(parts[1])) : std::nullopt;
    if (!date) {
        return false;
    }
    for (const ledger::Supervision& s :
         m_session->ledger()->programmes().supervisions(text(parts[0]))) {
        if (s.date == *date) {
            m_fields.show(s);
            m_stored = s;
            m_version = s.version;
            return true;
        }
    }
    return false;
}

QString SupervisionEditor::nameOfRecord() const {
    return tr("the supervision of %1").arg(textOf(QStringLiteral("date")));
}

RecordForm::Work SupervisionEditor::prepare() {
    ledger::Supervision s;
    m_fields.read(s);
    s.id = isNew() ? 0 : m_stored.id;
    s.version = isNew() ? ledger::RecordVersion{} : m_version;
    const ledger::Date today = m_session->todayDate();
    const std::string actor = m_session->actorName();
    return [s, today, actor](ledger::Ledger& l) {
        l.programmes().save(s, today, actor);
    };
}

RecordForm::Work SupervisionEditor::removal() {
    const ledger::Supervision s = m_stored;
    const std::string actor = m_session->actorName();
    return [s, actor](ledger::Ledger& l) {
        l.programmes().remove(s, actor);
    };
}

// --- ApprenticeshipEditor -------------------------------------------------------------------

ApprenticeshipEditor::ApprenticeshipEditor(QObject* parent)
    : PersonRecordForm(parent), m_fields(*this, ledger::apprenticeshipSpec()) {
    watchPerson(m_fields.at("employee_id"));
}

QString ApprenticeshipEditor::breaksForPeople(const QString& cell) {
    const auto periods = ledger::parseDatePeriods(text(cell));
    if (!periods) {
        return cell;
    }
    QStringList out;
    for (const ledger::DatePeriod& p : *periods) {
        out << tr("%1 to %2").arg(convert::uk(p.from), convert::uk(p.to));
    }
    return out.join(QStringLiteral("; "));
}

QString ApprenticeshipEditor::breaksForCell(const QString& typed) {
    const QString trimmed = typed.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    static const QRegularExpression between(QStringLiteral("\\s*(?:\\bto\\b|\\.\\.|–)\\s*"));
    QStringList cells;
    for (const QString& item : trimmed.split(QLatin1Char(';'))) {
        const QStringList ends = item.trimmed().split(between);
        if (ends.size() != 2) {
            return typed;
        }
        const auto from = convert::parseTyped(ends[0]);
        const auto to = convert::parseTyped(ends[1]);
        if (!from || !to) {
            return typed;
        }
        cells << text(ledger::formatIso(*from)) + QStringLiteral("..") +
                     text(ledger::formatIso(*to));
    }
    return cells.join(QLatin1Char(';'));
}

void ApprenticeshipEditor::clear() {
    m_fields.show(ledger::Apprenticeship{});
    m_fields.at("start_date")->setText(m_session ? m_session->todayText() : QString());
    m_fields.at("planned_end_date")->setText({});
    m_fields.at("planned_otj_hours")->setText({});
    m_id = 0;
}

bool ApprenticeshipEditor::read(const QString& key) {
    const QStringList parts = keyParts(key);
    if (parts.size() != 2) {
        return false;
    }
    for (const ledger::Apprenticeship& a : m_session->ledger()->programmes().apprenticeships()) {
        if (a.employeeId == text(parts[0]) && a.standardCode == text(parts[1])) {
            m_fields.show(a);
            EditorField* breaks = m_fields.at("breaks");
            breaks->setText(breaksForPeople(breaks->text()));
            m_id = a.id;
            m_version = a.version;
            return true;
        }
    }
    return false;
}

QString ApprenticeshipEditor::nameOfRecord() const {
    return tr("the apprenticeship %1").arg(textOf(QStringLiteral("standard_code")));
}

RecordForm::Work ApprenticeshipEditor::prepare() {
    ledger::Apprenticeship a;
    EditorField* breaks = m_fields.at("breaks");
    const QString typed = breaks->text();
    breaks->setText(breaksForCell(typed));
    m_fields.read(a);
    breaks->setText(typed);
    wordHours(m_fields.at("planned_otj_hours"));
    a.id = isNew() ? 0 : m_id;
    a.version = isNew() ? ledger::RecordVersion{} : m_version;
    const ledger::Date today = m_session->todayDate();
    const std::string actor = m_session->actorName();
    return [a, today, actor](ledger::Ledger& l) {
        l.programmes().save(a, today, actor);
    };
}

// --- OtjEditor ------------------------------------------------------------------------------

OtjEditor::OtjEditor(QObject* parent)
    : PersonRecordForm(parent), m_fields(*this, ledger::otjEntrySpec()) {
    watchPerson(m_fields.at("employee_id"));
}

void OtjEditor::clear() {
    m_fields.show(ledger::OtjEntry{});
    m_fields.at("date")->setText(m_session ? m_session->todayText() : QString());
    m_fields.at("hours")->setText({});
    m_id = 0;
}

bool OtjEditor::read(const QString& key) {
    const QStringList parts = keyParts(key);
    const auto date = parts.size() == 3 ? ledger::parseIsoDate(text(parts[2])) : std::nullopt;
    if (!date) {
        return false;
    }
    for (const ledger::OtjEntry& o : m_session->ledger()->programmes().otjEntries()) {
        if (o.employeeId == text(parts[0]) && o.standardCode == text(parts[1]) && o.date == *date) {
            m_fields.show(o);
            m_id = o.id;
            m_version = o.version;
            return true;
        }
    }
    return false;
}

QString OtjEditor::nameOfRecord() const {
    return tr("the off-the-job hours of %1").arg(textOf(QStringLiteral("date")));
}

RecordForm::Work OtjEditor::prepare() {
    ledger::OtjEntry o;
    m_fields.read(o);
    wordHours(m_fields.at("hours"));
    o.id = isNew() ? 0 : m_id;
    o.version = isNew() ? ledger::RecordVersion{} : m_version;
    const ledger::Date today = m_session->todayDate();
    const std::string actor = m_session->actorName();
    return [o, today, actor](ledger::Ledger& l) {
        l.programmes().save(o, today, actor);
    };
}

// --- ApprenticeshipReviewEditor -------------------------------------------------------------

ApprenticeshipReviewEditor::ApprenticeshipReviewEditor(QObject* parent)
    : PersonRecordForm(parent), m_fields(*this, ledger::apprenticeshipReviewSpec()) {
    watchPerson(m_fields.at("employee_id"));
}

void ApprenticeshipReviewEditor::clear() {
    m_fields.show(ledger::ApprenticeshipReview{});
    m_fields.at("date")->setText(m_session ? m_session->todayText() : QString());
    m_id = 0;
}

bool ApprenticeshipReviewEditor::read(const QString& key) {
    const QStringList parts = keyParts(key);
    const auto date = parts.size() == 3 ? ledger::parseIsoDate(text(parts[2])) : std::nullopt;
    if (!date) {
        return false;
    }
    for (const ledger::ApprenticeshipReview& r :
         m_session->ledger()->programmes().apprenticeshipReviews()) {
        if (r.employeeId == text(parts[0]) && r.standardCode == text(parts[1]) && r.date == *date) {
            m_fields.show(r);
            m_id = r.id;
            m_version = r.version;
            return true;
        }
    }
    return false;
}

QString ApprenticeshipReviewEditor::nameOfRecord() const {
    return tr("the progress review of %1").arg(textOf(QStringLiteral("date")));
}

RecordForm::Work ApprenticeshipReviewEditor::prepare() {
    ledger::ApprenticeshipReview r;
    m_fields.read(r);
    r.id = isNew() ? 0 : m_id;
    r.version = isNew() ? ledger::RecordVersion{} : m_version;
    const ledger::Date today = m_session->todayDate();
    const std::string actor = m_session->actorName();
    return [r, today, actor](ledger::Ledger& l) {
        l.programmes().save(r, today, actor);
    };
}
