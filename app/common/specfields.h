#pragma once

// The fields of a record editor made from its kind's field spec: one EditorField per spec
// field, shown from a record and read back into one, with problems in a form's words.

#include "common/convert.h"
#include "common/recordform.h"

#include "base/error.h"
#include "base/field_spec.h"

#include <QVariantMap>

#include <vector>

namespace specfields {

/// A spec's choices as {value, label} for a ChoiceField.
inline QVariantList choicesOf(std::span<const ledger::ChoiceOption> options) {
    QVariantList out;
    for (const ledger::ChoiceOption& o : options) {
        out << QVariantMap{{QStringLiteral("value"), convert::text(std::string(o.code))},
                           {QStringLiteral("label"), convert::text(std::string(o.label))}};
    }
    return out;
}

/// How a form words a field it cannot read.
template <typename Record>
QString formMessage(const ledger::FieldSpec<Record>& f, const ledger::FieldProblem& p) {
    using Kind = ledger::FieldProblem::Kind;
    switch (p.kind) {
    case Kind::Missing:
        if (f.type == ledger::FieldType::DateValue) {
            return QObject::tr("A date is required (DD/MM/YYYY).");
        }
        if (f.type == ledger::FieldType::Number) {
            return QObject::tr("A whole number is required.");
        }
        return QObject::tr("%1 is required.").arg(convert::text(std::string(f.label)));
    case Kind::NotADate:
        return QObject::tr("Type a real date as DD/MM/YYYY, for example 31/03/2026.");
    case Kind::NotANumber:
        return QObject::tr("Type a whole number from %1 to %2.").arg(f.lo).arg(f.hi);
    case Kind::NotAChoice:
        return QObject::tr("Choose one of the options in the list.");
    }
    return {};
}

} // namespace specfields

template <typename Record> class SpecFields {
public:
    SpecFields(RecordForm& form, const ledger::RecordSpec<Record>& spec)
        : m_form(form), m_spec(spec) {
        for (const ledger::FieldSpec<Record>& f : spec.fields) {
            m_fields.push_back(form.makeField(
                convert::text(std::string(f.name)), convert::text(std::string(f.label)),
                f.type == ledger::FieldType::DateValue, specfields::choicesOf(f.choices)));
        }
    }

    /// Shows a record: dates as DD/MM/YYYY, an absent value as empty text.
    void show(const Record& record) {
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            const ledger::FieldSpec<Record>& f = m_spec.fields[i];
            const std::string text = f.format(record);
            QString shown;
            if (!f.noneWord.empty() && text == f.noneWord) {
                shown.clear();
            } else if (f.type == ledger::FieldType::DateValue && !text.empty()) {
                shown = convert::uk(ledger::parseIsoDate(text));
            } else {
                shown = convert::text(text);
            }
            m_fields[i]->setText(shown);
        }
    }

    /// Reads every field into `record`, showing what cannot be read beside its field.
    void read(Record& record) {
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            const ledger::FieldSpec<Record>& f = m_spec.fields[i];
            const QString typed = m_fields[i]->text().trimmed();
            std::string text = convert::text(typed);
            if (f.type == ledger::FieldType::DateValue && !typed.isEmpty()) {
                if (const auto date = convert::parseTyped(typed)) {
                    text = ledger::formatIso(*date);
                }
            }
            if (const auto problem = f.parse(record, text)) {
                m_fields[i]->addError(specfields::formMessage(f, *problem));
            }
        }
    }

    /// Shows a validator's findings, except on fields that could not be read at all.
    void check(const std::vector<ledger::FieldError>& found) {
        const QStringList already = m_form.fieldsWithErrors();
        for (const ledger::FieldError& e : found) {
            const QString name = convert::text(e.field);
            if (!already.contains(name)) {
                m_form.showError(name, convert::sentence(e.message));
            }
        }
    }

    [[nodiscard]] EditorField* at(std::string_view name) const {
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            if (m_spec.fields[i].name == name) {
                return m_fields[i];
            }
        }
        return nullptr;
    }

private:
    RecordForm& m_form;
    const ledger::RecordSpec<Record>& m_spec;
    std::vector<EditorField*> m_fields;
};
