#include "manual.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <stdexcept>

namespace ledger::docs {

namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    });
    return text;
}

/// A sentence ends with a full stop in the page, whatever --help shows.
std::string sentence(const std::string& text) {
    if (text.empty() || text.back() == '.' || text.back() == ':' || text.back() == '?' ||
        text.back() == '!') {
        return text;
    }
    return text + ".";
}

std::string bold(const std::string& text) {
    return "\\fB" + roffText(text) + "\\fR";
}

std::string italic(const std::string& text) {
    return "\\fI" + roffText(text) + "\\fR";
}

std::string join(const std::vector<std::string>& parts, const std::string& between) {
    std::string out;
    for (const std::string& part : parts) {
        out += (out.empty() ? "" : between) + part;
    }
    return out;
}

/// "\fB\-\-ledger\fR \fILOCATION\fR", "\fB\-h\fR, \fB\-\-help\fR"
std::string optionHead(const Option& option) {
    std::vector<std::string> names;
    for (const std::string& name : option.names) {
        names.push_back(bold(name));
    }
    std::string head = option.names.empty() ? italic(option.argument) : join(names, ", ");
    if (!option.names.empty() && !option.argument.empty()) {
        head += " " + italic(option.argument);
    }
    return head;
}

std::string optionText(const Option& option) {
    std::string text = sentence(option.text);
    // The choices, unless the description already lists them.
    if (!option.choices.empty() && (option.text.find(option.choices.front()) == std::string::npos ||
                                    option.text.find(option.choices.back()) == std::string::npos)) {
        text += " One of: " + join(option.choices, ", ") + ".";
    }
    if (option.required && !option.names.empty()) {
        text += " Required.";
    }
    return roffText(text);
}

void writeOptions(const std::vector<Option>& options, std::ostream& out) {
    for (const Option& option : options) {
        out << ".TP\n" << optionHead(option) << "\n" << optionText(option) << "\n";
    }
}

/// "archive export \fIFILE\fR", with optional arguments in brackets.
std::string usage(const std::string& path, const Command& command) {
    std::string line = bold(path);
    for (const Option& positional : command.positionals) {
        line += positional.required ? " " + italic(positional.argument)
                                    : " [" + italic(positional.argument) + "]";
    }
    if (!command.options.empty()) {
        line += " [" + italic("OPTIONS") + "]";
    }
    if (command.needsSubcommand) {
        line += " " + italic("COMMAND");
    }
    return line;
}

void writeCommands(const std::string& parent, const Command& command, std::ostream& out) {
    for (const Command& sub : command.subcommands) {
        const std::string path = parent.empty() ? sub.name : parent + " " + sub.name;
        if (sub.positionals.empty() && sub.options.empty() && !sub.subcommands.empty()) {
            // A group ("server", "report"): its members carry the detail.
            writeCommands(path, sub, out);
            continue;
        }
        out << ".SS \"" << usage(path, sub) << "\"\n" << roffText(sentence(sub.text)) << "\n";
        if (!sub.positionals.empty() || !sub.options.empty()) {
            out << ".RS\n";
            writeOptions(sub.positionals, out);
            writeOptions(sub.options, out);
            out << ".RE\n";
        }
        writeCommands(path, sub, out);
    }
}

/// Bash completion's tables hold names and choices as bare words.
std::string word(const std::string& text) {
    for (const char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!plain) {
            throw std::invalid_argument("not a plain word for bash completion: " + text);
        }
    }
    return text;
}

std::string valueSpec(const Option& option) {
    if (!option.choices.empty()) {
        std::vector<std::string> words;
        for (const std::string& choice : option.choices) {
            words.push_back(word(choice));
        }
        return join(words, " ");
    }
    return option.takesPath() ? "@path" : "@text";
}

void collect(const std::string& path, const Command& command,
             std::map<std::string, std::string>& subs, std::map<std::string, std::string>& opts,
             std::map<std::string, std::string>& values,
             std::map<std::string, std::string>& positionals) {
    std::vector<std::string> names;
    for (const Command& sub : command.subcommands) {
        names.push_back(word(sub.name));
    }
    if (!names.empty()) {
        subs[path] = join(names, " ");
    }
    names.clear();
    for (const Option& option : command.options) {
        for (const std::string& name : option.names) {
            names.push_back(word(name));
            if (!option.argument.empty()) {
                values[path + " " + name] = valueSpec(option);
            }
        }
    }
    if (!names.empty()) {
        opts[path] = join(names, " ");
    }
    std::vector<std::string> specs;
    for (const Option& positional : command.positionals) {
        specs.push_back(valueSpec(positional));
    }
    if (!specs.empty()) {
        positionals[path] = join(specs, "|");
    }
    for (const Command& sub : command.subcommands) {
        collect(path + " " + sub.name, sub, subs, opts, values, positionals);
    }
}

void writeTable(const char* name, const std::map<std::string, std::string>& table,
                std::ostream& out) {
    out << "    local -A " << name << "=(\n";
    for (const auto& [key, value] : table) {
        out << "        [\"" << key << "\"]=\"" << value << "\"\n";
    }
    out << "    )\n";
}

} // namespace

bool Option::takesPath() const {
    return argument == "FILE" || argument == "LOCATION" || argument == "BACKUP";
}

std::string roffText(const std::string& text) {
    std::string out;
    bool lineStart = true;
    for (const char c : text) {
        if (lineStart && (c == '.' || c == '\'')) {
            out += "\\&";
        }
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
        lineStart = c == '\n';
    }
    return out;
}

void writeManPage(const Page& page, std::ostream& out) {
    out << ".\\\" The manual of " << page.program
        << ", written by practice-ledger-docs from the option\n"
           ".\\\" definitions that its --help prints: change those, not this page.\n";
    out << ".TH " << roffText(upper(page.program)) << " 1 \"" << page.date
        << "\" \"Practice Ledger " << roffText(page.version) << "\" \"User Commands\"\n";
    out << ".SH NAME\n" << roffText(page.program) << " \\- " << roffText(page.summary) << "\n";
    out << ".SH SYNOPSIS\n";
    for (std::size_t i = 0; i < page.synopsis.size(); ++i) {
        out << (i == 0 ? "" : ".br\n") << bold(page.program) << " " << page.synopsis[i] << "\n";
    }
    out << ".SH DESCRIPTION\n";
    for (std::size_t i = 0; i < page.description.size(); ++i) {
        out << (i == 0 ? "" : ".PP\n") << roffText(page.description[i]) << "\n";
    }
    out << ".SH OPTIONS\n";
    writeOptions(page.root.positionals, out);
    writeOptions(page.root.options, out);
    if (!page.root.subcommands.empty()) {
        out << ".SH COMMANDS\n";
        writeCommands("", page.root, out);
    }
    if (!page.exitStatuses.empty()) {
        out << ".SH \"EXIT STATUS\"\n";
        for (const auto& [code, meaning] : page.exitStatuses) {
            out << ".TP\n" << bold(code) << "\n" << roffText(sentence(meaning)) << "\n";
        }
    }
    if (!page.environment.empty()) {
        out << ".SH ENVIRONMENT\n";
        for (const auto& [variable, meaning] : page.environment) {
            out << ".TP\n" << bold(variable) << "\n" << roffText(sentence(meaning)) << "\n";
        }
    }
    if (!page.examples.empty()) {
        out << ".SH EXAMPLES\n";
        for (std::size_t i = 0; i < page.examples.size(); ++i) {
            const auto& [what, command] = page.examples[i];
            out << (i == 0 ? "" : ".PP\n") << roffText(what) << "\n.PP\n.RS\n.nf\n"
                << roffText(command) << "\n.fi\n.RE\n";
        }
    }
    if (!page.seeAlso.empty()) {
        out << ".SH \"SEE ALSO\"\n";
        for (std::size_t i = 0; i < page.seeAlso.size(); ++i) {
            const std::string& ref = page.seeAlso[i];
            const std::size_t paren = ref.find('(');
            out << ".BR " << roffText(ref.substr(0, paren)) << " " << ref.substr(paren)
                << (i + 1 < page.seeAlso.size() ? " ," : "") << "\n";
        }
    }
}

void writeBashCompletion(const std::string& program, const Command& root, std::ostream& out) {
    std::map<std::string, std::string> subs;
    std::map<std::string, std::string> opts;
    std::map<std::string, std::string> values;
    std::map<std::string, std::string> positionals;
    collect("@", root, subs, opts, values, positionals); // bash has no empty key
    std::string function = "_" + word(program);
    std::replace(function.begin(), function.end(), '-', '_');

    out << "# bash completion for " << program
        << ", written by practice-ledger-docs from the option\n"
           "# definitions that its --help prints: change those, not this file.\n\n";
    out << function << "()\n{\n";
    out << "    # Each command (by its path of subcommands after @): its subcommands, its "
           "options,\n"
           "    # what each option's value is (@path a file, @text anything, else its choices),\n"
           "    # and what its arguments are in order, separated by |.\n";
    writeTable("subs", subs, out);
    writeTable("opts", opts, out);
    writeTable("values", values, out);
    writeTable("args", positionals, out);
    out << R"(    local cur=${COMP_WORDS[COMP_CWORD]} node=@ word expect="" i n=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ -n $expect ]]; then
            expect=""
        elif [[ $word == -* ]]; then
            [[ -n ${values["$node $word"]+set} ]] && expect=$word
        elif [[ " ${subs["$node"]} " == *" $word "* ]]; then
            node="$node $word"
            n=0
        else
            ((n++))
        fi
    done
    local spec
    if [[ -n $expect ]]; then
        spec=${values["$node $expect"]}
    elif [[ $cur == -* ]]; then
        spec=${opts["$node"]}
    else
        local -a specs=()
        [[ -n ${args["$node"]+set} ]] && IFS='|' read -r -a specs <<< "${args["$node"]}"
        spec=${specs[n]:-@text}
        # A command with subcommands offers them in its first argument's place too.
        if [[ -n ${subs["$node"]+set} ]] && ((n == 0)); then
            case $spec in
                @path | @text) spec=${subs["$node"]} ;;
                *) spec="${subs["$node"]} $spec" ;;
            esac
        fi
    fi
    case $spec in
        @path)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        @text)
            COMPREPLY=()
            ;;
        *)
            mapfile -t COMPREPLY < <(compgen -W "$spec" -- "$cur")
            ;;
    esac
}
)";
    out << "complete -F " << function << " " << program << "\n";
}

} // namespace ledger::docs
