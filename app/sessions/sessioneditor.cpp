#include "sessions/sessioneditor.h"

#include "ledger.h"
#include "sessions/series.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>

using convert::text;

namespace {

QVariantList choicesOf(std::initializer_list<std::pair<const char*, QString>> choices) {
    QVariantList out;
    for (const auto& [code, label] : choices) {
        out << QVariantMap{{QStringLiteral("value"), QString::fromLatin1(code)},
                           {QStringLiteral("label"), label}};
    }
    return out;
}

QVariantList repeatChoices() {
    return choicesOf(
        {{"none", QObject::tr("Once only")},
         {"weekly", QObject::tr("Every week")},
         {"fortnightly", QObject::tr("Every fortnight")},
         {"monthly_day", QObject::tr("Every month on the same date")},
         {"monthly_weekday", QObject::tr("Every month on the same weekday (e.g. 2nd Tuesday)")}});
}

QVariantList nthChoices() {
    return choicesOf({{"1", QObject::tr("1st")},
                      {"2", QObject::tr("2nd")},
                      {"3", QObject::tr("3rd")},
                      {"4", QObject::tr("4th")},
                      {"last", QObject::tr("Last")}});
}

/// `HH:MM` from a typed time (`9:30`, `09:30`); empty when it is not one.
QString wallTime(const QString& typed) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2})[:.](\\d{2})$"));
    const QRegularExpressionMatch m = pattern.match(typed.trimmed());
    if (!m.hasMatch() || m.captured(1).toInt() > 23 || m.captured(2).toInt() > 59) {
        return {};
    }
    return m.captured(1).rightJustified(2, QLatin1Char('0')) + QLatin1Char(':') + m.captured(2);
}

/// A list field's items trimmed, the empty ones dropped.
void tidy(std::vector<std::string>& items) {
    for (std::string& item : items) {
        item = text(text(item).trimmed());
    }
    std::erase_if(items, [](const std::string& item) { return item.empty(); });
}

} // namespace

SessionEditor::SessionEditor(QObject* parent)
    : RecordForm(parent), m_fields(*this, ledger::sessionSpec()),
      m_date(makeField(QStringLiteral("date"), tr("Date"), true)),
      m_startTime(makeField(QStringLiteral("start_time"), tr("Starts"))),
      m_endTime(makeField(QStringLiteral("end_time"), tr("Ends"))),
      m_endDate(makeField(QStringLiteral("end_date"), tr("End date"), true)),
      m_repeat(makeField(QStringLiteral("repeat"), tr("Repeats"), false, repeatChoices())),
      m_nth(
          makeField(QStringLiteral("nth"), tr("Which weekday of the month"), false, nthChoices())),
      m_count(makeField(QStringLiteral("count"), tr("How many sessions"))),
      m_until(makeField(QStringLiteral("until"), tr("Until"), true)) {
    for (EditorField* f : {m_date, m_startTime, m_endTime, m_endDate, m_repeat, m_nth, m_count,
                           m_until, m_fields.at("facilitator_id"), m_fields.at("teams"),
                           m_fields.at("roles"), m_fields.at("key")}) {
        connect(f, &EditorField::textChanged, this, &SessionEditor::updateClashes);
    }
    connect(m_fields.at("facilitator_id"), &EditorField::textChanged, this,
            &SessionEditor::facilitatorNameChanged);
}

QString SessionEditor::facilitatorName() const {
    return m_session ? m_session->staffName(textOf(QStringLiteral("facilitator_id"))) : QString();
}

void SessionEditor::clear() {
    ledger::LearningSession s;
    m_fields.show(s);
    m_date->setText({});
    m_startTime->setText(QStringLiteral("10:00"));
    m_endTime->setText(QStringLiteral("12:00"));
    m_endDate->setText({});
    m_repeat->setText(QStringLiteral("none"));
    m_nth->setText({});
    m_count->setText({});
    m_until->setText({});
    updateClashes();
}

bool SessionEditor::read(const QString& key) {
    const auto stored = m_session->ledger()->sessions().findByKey(text(key));
    if (!stored) {
        return false;
    }
    const ledger::LearningSession& s = stored->session;
    m_fields.show(s);
    m_version = s.version;
    m_date->setText(convert::uk(ledger::dateOf(s.startsAt)));
    m_startTime->setText(text(s.startsAt.substr(11)));
    m_endTime->setText(text(s.endsAt.substr(11)));
    m_endDate->setText(s.endsAt.substr(0, 10) == s.startsAt.substr(0, 10)
                           ? QString()
                           : convert::uk(ledger::dateOf(s.endsAt)));
    m_repeat->setText(QStringLiteral("none"));
    m_nth->setText({});
    m_count->setText({});
    m_until->setText({});
    updateClashes();
    return true;
}

QString SessionEditor::nameOfRecord() const {
    return textOf(QStringLiteral("title"));
}

QString SessionEditor::fieldFor(const QString& reported) const {
    if (reported == QLatin1String("starts_at")) {
        return QStringLiteral("date");
    }
    if (reported == QLatin1String("ends_at")) {
        return m_endDate->text().trimmed().isEmpty() ? QStringLiteral("end_time")
                                                     : QStringLiteral("end_date");
    }
    return reported;
}

void SessionEditor::composeTimes() {
    const auto day = convert::parseTyped(m_date->text().trimmed());
    const QString start = wallTime(m_startTime->text());
    const QString end = wallTime(m_endTime->text());
    const QString endDayText = m_endDate->text().trimmed();
    const auto endDay = endDayText.isEmpty() ? day : convert::parseTyped(endDayText);
    m_fields.at("starts_at")
        ->setText(day && !start.isEmpty() ? text(ledger::formatIso(*day)) + QLatin1Char('T') + start
                                          : QString());
    m_fields.at("ends_at")->setText(endDay && !end.isEmpty()
                                        ? text(ledger::formatIso(*endDay)) + QLatin1Char('T') + end
                                        : QString());
}

ledger::LearningSession SessionEditor::typed() {
    composeTimes();
    ledger::LearningSession s;
    const QStringList before = fieldsWithErrors();
    m_fields.read(s);
    // Reading only to look for clashes shows nothing: the problems are shown on save.
    for (const QString& name : fieldsWithErrors()) {
        if (!before.contains(name)) {
            field(name)->setError({});
        }
    }
    tidy(s.teams);
    tidy(s.roles);
    tidy(s.themes);
    s.id = 0;
    if (!isNew() && m_session && m_session->ledger()) {
        if (const auto stored = m_session->ledger()->sessions().findByKey(text(key()))) {
            s.id = stored->session.id;
        }
    }
    return s;
}

std::optional<ledger::SeriesRule> SessionEditor::rule(bool show) {
    ledger::SeriesRule r;
    const auto repeat = ledger::parseRepeat(text(m_repeat->text().trimmed()));
    if (!repeat) {
        if (show) {
            m_repeat->addError(tr("Choose how often it repeats."));
        }
        return std::nullopt;
    }
    r.repeat = *repeat;
    if (r.repeat == ledger::Repeat::None || !isNew()) {
        r.repeat = ledger::Repeat::None;
        return r;
    }
    bool readable = true;
    const QString nth = m_nth->text().trimmed();
    if (!nth.isEmpty()) {
        r.nth = ledger::parseWeekOfMonth(text(nth));
    }
    const QString count = m_count->text().trimmed();
    if (!count.isEmpty()) {
        bool ok = false;
        r.count = count.toInt(&ok);
        if (!ok) {
            readable = false;
            if (show) {
                m_count->addError(
                    tr("Type a whole number from 1 to %1.").arg(ledger::kMostOccurrences));
            }
        }
    }
    const QString until = m_until->text().trimmed();
    if (!until.isEmpty()) {
        r.until = convert::parseTyped(until);
        if (!r.until) {
            readable = false;
            if (show) {
                m_until->addError(tr("Type a real date as DD/MM/YYYY, for example 31/03/2026."));
            }
        }
    }
    if (!readable) {
        return std::nullopt;
    }
    return r;
}

void SessionEditor::updateClashes() {
    if (!m_session || !m_session->ledger()) {
        return;
    }
    ledger::LearningSession s = typed();
    const auto r = rule(false);
    // Worked out again only when what clashes depend on changed.
    const QString input = QStringList{text(s.key),
                                      text(s.startsAt),
                                      text(s.endsAt),
                                      text(s.facilitatorId),
                                      m_fields.at("teams")->text(),
                                      m_fields.at("roles")->text(),
                                      m_repeat->text(),
                                      m_nth->text(),
                                      m_count->text(),
                                      m_until->text()}
                              .join(QChar(0x1f));
    if (input == m_clashInput) {
        return;
    }
    m_clashInput = input;
    QStringList lines;
    int occurrences = 0;
    if (!s.startsAt.empty() && !s.endsAt.empty() && !ledger::dateTimeProblem(s.startsAt) &&
        !ledger::dateTimeProblem(s.endsAt) && s.startsAt < s.endsAt && r) {
        std::vector<ledger::LearningSession> candidates;
        if (s.key.empty()) {
            s.key = "\x7f(this session)"; // compared by key only
        }
        if (r->repeat == ledger::Repeat::None) {
            candidates.push_back(s);
        } else if (r->count || r->until) {
            try {
                for (const ledger::Occurrence& o :
                     ledger::seriesOccurrences(s.key, s.startsAt, s.endsAt, *r)) {
                    ledger::LearningSession one = s;
                    one.key = o.key;
                    one.startsAt = o.startsAt;
                    one.endsAt = o.endsAt;
                    candidates.push_back(std::move(one));
                }
            } catch (const ledger::ValidationError&) {
                candidates.clear(); // shown on save, beside the field
            }
        }
        occurrences = static_cast<int>(candidates.size());
        std::map<std::string, QString> names;
        if (const auto data = m_session->data()) {
            for (const ledger::Staff& p : data->staff) {
                names[p.employeeId] = text(p.fullName);
            }
        }
        const auto person = [&names](const std::string& id) {
            const auto found = names.find(id);
            return found != names.end() ? tr("%1 (%2)").arg(found->second, text(id)) : text(id);
        };
        try {
            std::map<std::string, QString> described;
            std::map<std::string, std::string> starts;
            for (const ledger::LearningSession& c : candidates) {
                starts[c.key] = c.startsAt;
            }
            ledger::SessionService& service = m_session->ledger()->sessions();
            // One line per session of ours and other session: what they share, grouped.
            struct Shared {
                QString mine;
                QString other;
                QStringList facilitators, teams, roles, people;
            };
            std::vector<Shared> grouped;
            for (const ledger::Clash& c : service.clashesOf(candidates)) {
                const bool mineFirst = starts.contains(c.session);
                const std::string& mine = mineFirst ? c.session : c.other;
                const std::string& other = mineFirst ? c.other : c.session;
                if (!described.contains(other)) {
                    const auto found = service.findByKey(other);
                    described[other] =
                        found ? tr("%1 (%2, %3)")
                                    .arg(text(found->session.title), text(other),
                                         convert::uk(ledger::dateOf(found->session.startsAt)) +
                                             QLatin1Char(' ') +
                                             text(found->session.startsAt.substr(11)))
                              : text(other);
                }
                const QString mineKey = text(mine);
                const QString otherKey = text(other);
                if (grouped.empty() || grouped.back().mine != mineKey ||
                    grouped.back().other != otherKey) {
                    grouped.push_back(Shared{mineKey, otherKey, {}, {}, {}, {}});
                }
                Shared& g = grouped.back();
                if (c.shared == "facilitator") {
                    g.facilitators << person(c.value);
                } else if (c.shared == "team") {
                    g.teams << text(c.value);
                } else if (c.shared == "role") {
                    g.roles << text(c.value);
                } else {
                    g.people << person(c.value);
                }
            }
            for (const Shared& g : grouped) {
                QStringList shared;
                if (!g.facilitators.isEmpty()) {
                    shared << tr("the same facilitator, %1").arg(g.facilitators.join(tr(", ")));
                }
                if (!g.teams.isEmpty()) {
                    shared << tr("invited teams %1").arg(g.teams.join(tr(", ")));
                }
                if (!g.roles.isEmpty()) {
                    shared << tr("invited roles %1").arg(g.roles.join(tr(", ")));
                }
                if (!g.people.isEmpty()) {
                    shared << tr("%n booked on both: %1", nullptr,
                                 static_cast<int>(g.people.size()))
                                  .arg(g.people.join(tr(", ")));
                }
                const QString when = convert::uk(ledger::dateOf(starts[text(g.mine)]));
                lines << (candidates.size() > 1 ? tr("%1: overlaps %2; %3.").arg(when)
                                                : tr("Overlaps %2; %3."))
                             .arg(described[text(g.other)], shared.join(QStringLiteral("; ")));
            }
        } catch (const std::exception&) {
            lines.clear(); // a warning only: an unreadable ledger is reported elsewhere
        }
    }
    lines.removeDuplicates();
    const QString warning = lines.join(QLatin1Char('\n'));
    if (warning != m_clashWarning || occurrences != m_occurrences) {
        m_clashWarning = warning;
        m_occurrences = occurrences;
        emit clashWarningChanged();
    }
}

RecordForm::Work SessionEditor::prepare() {
    const QString start = wallTime(m_startTime->text());
    const QString end = wallTime(m_endTime->text());
    if (start.isEmpty()) {
        m_startTime->addError(tr("Type a time as HH:MM, for example 10:00."));
    }
    if (end.isEmpty()) {
        m_endTime->addError(tr("Type a time as HH:MM, for example 12:00."));
    }
    if (m_date->text().trimmed().isEmpty()) {
        m_date->addError(tr("A date is required (DD/MM/YYYY)."));
    } else if (!convert::parseTyped(m_date->text().trimmed())) {
        m_date->addError(tr("Type a real date as DD/MM/YYYY, for example 31/03/2026."));
    }
    if (!m_endDate->text().trimmed().isEmpty() &&
        !convert::parseTyped(m_endDate->text().trimmed())) {
        m_endDate->addError(tr("Type a real date as DD/MM/YYYY, or leave it empty."));
    }
    composeTimes();
    ledger::LearningSession s;
    m_fields.read(s);
    tidy(s.teams);
    tidy(s.roles);
    tidy(s.themes);
    const auto r = rule(true);
    if (r && r->repeat != ledger::Repeat::None && !r->count && !r->until) {
        m_count->addError(tr("Say how many sessions, or until when."));
    }
    if (!fieldsWithErrors().isEmpty()) {
        return {};
    }
    const ledger::Date today = m_session->todayDate();
    const std::string actor = m_session->actorName();
    if (!isNew()) {
        const std::string stored = text(key());
        const ledger::RecordVersion version = m_version;
        return [s, stored, version, today, actor](ledger::Ledger& l) mutable {
            const auto found = l.sessions().findByKey(stored);
            if (!found) {
                throw ledger::Conflict("the session was removed meanwhile");
            }
            s.id = found->session.id;
            s.version = version;
            l.sessions().save(s, today, actor);
        };
    }
    const ledger::SeriesRule series = *r;
    return [s, series, today, actor](ledger::Ledger& l) {
        if (series.repeat == ledger::Repeat::None) {
            l.sessions().save(s, today, actor);
        } else {
            (void)l.sessions().saveSeries(s, series, today, actor);
        }
    };
}

RecordForm::Work SessionEditor::removal() {
    const std::string stored = text(key());
    const std::string actor = m_session->actorName();
    return [stored, actor](ledger::Ledger& l) {
        const auto found = l.sessions().findByKey(stored);
        if (!found) {
            throw ledger::Conflict("the session was removed meanwhile");
        }
        l.sessions().remove(found->session.id, actor);
    };
}
