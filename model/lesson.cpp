#include "lesson.h"

#include "json_reader.h"
#include "lesson_text.h"
#include "scenario_json.h"

#include <filesystem>
#include <set>

namespace model {
namespace {

namespace fs = std::filesystem;

std::optional<EventKind> event_kind_from(const std::string &name) {
    for (EventKind k : all_event_kinds())
        if (name == to_string(k))
            return k;
    return std::nullopt;
}

void read_actions(JsonReader &r, const char *key, std::vector<LessonAction> &out,
                  const std::string &file, Problems &problems) {
    r.objects(key, [&](JsonReader &a, std::size_t) {
        LessonAction act;
        int given = 0;
        if (a.has("set")) {
            ++given;
            act.kind = LessonAction::Kind::set;
            a.object("set", [&](JsonReader &s) {
                s.string("component", act.component, true);
                s.string("field", act.field, true);
                if (!s.has("value"))
                    s.fail("", "the field \"value\" is required");
                s.mark("value"); // read from the raw JSON by the caller
            });
        }
        if (a.has("add_fault")) {
            ++given;
            act.kind = LessonAction::Kind::add_fault;
            a.mark("add_fault"); // read from the raw JSON by the caller
        }
        if (a.has("remove_fault")) {
            ++given;
            act.kind = LessonAction::Kind::remove_fault;
            a.string("remove_fault", act.id);
        }
        if (a.has("add")) {
            ++given;
            act.kind = LessonAction::Kind::add;
            a.object("add", [&](JsonReader &s) {
                std::string kind;
                s.string("kind", kind, true);
                if (auto k = component_kind_from(kind))
                    act.add_kind = *k;
                else if (!kind.empty())
                    s.fail("kind", "\"" + kind + "\" is not a component kind");
                s.string("region", act.region);
                s.string("database", act.database);
            });
        }
        if (a.has("link")) {
            ++given;
            act.kind = LessonAction::Kind::link;
            a.object("link", [&](JsonReader &s) {
                s.string("from", act.from, true);
                s.string("to", act.to, true);
            });
        }
        if (a.has("seed")) {
            ++given;
            act.kind = LessonAction::Kind::seed;
            a.u64("seed", act.seed);
        }
        if (a.has("play_until")) {
            ++given;
            act.kind = LessonAction::Kind::play_until;
            std::string name;
            a.string("play_until", name);
            if (auto k = event_kind_from(name))
                act.event = *k;
            else
                a.fail("play_until", "\"" + name + "\" is not an event kind");
        }
        if (given != 1)
            a.fail("", "an action has exactly one of set, add_fault, remove_fault, add, link, "
                       "seed or play_until");
        out.push_back(act);
    });
    (void)file;
    (void)problems;
}

} // namespace

FileReader disk_reader() {
    return [](const std::string &path) -> std::optional<std::string> {
        Problems ignore;
        return read_text_file(path, kMaxScenarioBytes, ignore);
    };
}

ScenarioLoad load_lesson_scenario(const Lesson &lesson, const std::string &relative,
                                  const FileReader &read) {
    const std::string path = (fs::path(lesson.root) / relative).string();
    auto text = read(path);
    if (!text) {
        ScenarioLoad out;
        out.problems.push_back({path, "", "cannot read the scenario"});
        return out;
    }
    return parse_scenario(*text, path);
}

LessonLoad load_lesson_file(const std::string &path, const FileReader &read) {
    LessonLoad out;
    auto text = read(path);
    if (!text) {
        out.problems.push_back({path, "", "cannot read the lesson file"});
        return out;
    }
    auto json = parse_json_text(*text, path, out.problems);
    if (!json)
        return out;
    Lesson l;
    l.file = path;
    l.root = fs::path(path).parent_path().string();
    JsonReader r(*json, "", path, out.problems);
    if (!r.is_object())
        return out;
    std::string format;
    int version = 0;
    r.string("format", format, true);
    if (!format.empty() && format != kLessonFormat)
        r.fail("format",
               "expected \"" + std::string(kLessonFormat) + "\", found \"" + format + "\"");
    r.integer("version", version, 1, 1000, true);
    if (version > kLessonVersion)
        r.fail("version", "this lesson has version " + std::to_string(version) +
                              "; this Failover Lab reads version " +
                              std::to_string(kLessonVersion));
    r.id("id", l.id);
    r.integer("order", l.order, 0, 10000);
    r.string("title", l.title, true);
    r.strings("covers", l.covers);
    for (std::size_t i = 0; i < l.covers.size(); ++i) {
        const std::string &c = l.covers[i];
        bool ok = c.size() >= 2 && c[0] == 'C';
        int n = 0;
        for (std::size_t k = 1; ok && k < c.size(); ++k) {
            ok = c[k] >= '0' && c[k] <= '9';
            n = n * 10 + (c[k] - '0');
        }
        if (!ok || n < 1 || n > 26)
            r.fail("covers", "expected curriculum ids C1 to C26, found \"" + c + "\"");
    }
    r.string("body_file", l.body_file, true);
    r.strings("scenarios", l.scenarios);
    if (l.scenarios.empty())
        r.fail("scenarios", "a chapter names at least one scenario");
    // Raw access for the parts the field reader does not hold (action values, faults).
    const Json &root = *json;
    r.objects("try_this", [&](JsonReader &t, std::size_t i) {
        TryThis step;
        t.string("id", step.id, true);
        t.string("text", step.text, true);
        t.string("scenario", step.scenario);
        t.string("show", step.show);
        read_actions(t, "actions", step.actions, path, out.problems);
        const Json &raw = root["try_this"][i];
        if (raw.contains("actions") && raw["actions"].is_array())
            for (std::size_t a = 0; a < raw["actions"].size() && a < step.actions.size(); ++a) {
                const Json &act = raw["actions"][a];
                if (act.contains("set") && act["set"].is_object())
                    step.actions[a].value = act["set"].value("value", Json());
                if (act.contains("add_fault")) {
                    JsonReader fr(act["add_fault"],
                                  t.pointer() + "/actions/" + std::to_string(a) + "/add_fault",
                                  path, out.problems);
                    if (fr.is_object()) {
                        read_fault(fr, step.actions[a].fault, 0);
                        fr.finish();
                    }
                }
            }
        t.object("expect", [&](JsonReader &e) {
            Expect x;
            e.string("figure", x.figure, true);
            e.string("op", x.op, true);
            if (x.op != "<" && x.op != "<=" && x.op != ">" && x.op != ">=" && x.op != "==" &&
                x.op != "!=")
                e.fail("op", "expected one of < <= > >= == !=, found \"" + x.op + "\"");
            const Json &raw_expect = raw["expect"];
            if (!raw_expect.contains("value"))
                e.fail("", "the field \"value\" is required (null means the figure is null)");
            else if (raw_expect["value"].is_number())
                x.value = raw_expect["value"].get<double>();
            else if (!raw_expect["value"].is_null())
                e.fail("value", "expected a number or null");
            e.mark("value");
            e.number("tolerance", x.tolerance, 0, 1e12);
            step.expect = x;
        });
        if (step.scenario.empty())
            step.scenario = l.scenarios.empty() ? std::string() : l.scenarios.front();
        l.try_this.push_back(std::move(step));
    });
    r.strings("takeaways", l.takeaways);
    r.objects("glossary", [&](JsonReader &g, std::size_t) {
        std::string term, def;
        g.string("term", term, true);
        g.string("definition", def, true);
        l.glossary.emplace_back(term, def);
    });
    r.object("interview", [&](JsonReader &i) {
        i.string("how_it_comes_up", l.how_it_comes_up, true);
        i.strings("strong_answer", l.strong_answer);
        i.strings("red_flags", l.red_flags);
        i.strings("questions_to_ask", l.questions_to_ask);
    });
    r.object("completion", [&](JsonReader &c) {
        c.boolean("read", l.completion_read);
        if (c.has("try_this")) {
            const Json &v = root["completion"]["try_this"];
            if (v.is_string() && (v == "all" || v == "any"))
                l.completion_try_this = v.get<std::string>();
            else if (v.is_number_integer() && v.get<int>() >= 0)
                l.completion_try_this = std::to_string(v.get<int>());
            else
                c.fail("try_this", "expected \"all\", \"any\" or a number of steps");
        }
        c.mark("try_this");
    });
    r.objects("walkthroughs", [&](JsonReader &w, std::size_t wi) {
        Walkthrough walk;
        w.id("id", walk.id);
        w.string("title", walk.title, true);
        w.string("scenario", walk.scenario);
        if (walk.scenario.empty() && !l.scenarios.empty())
            walk.scenario = l.scenarios.front();
        w.objects(
            "steps",
            [&](JsonReader &s, std::size_t si) {
                WalkStep st;
                s.string("caption", st.caption, true);
                s.string("notes", st.notes);
                read_actions(s, "actions", st.actions, path, out.problems);
                const Json &raw = root["walkthroughs"][wi]["steps"][si];
                if (raw.contains("actions") && raw["actions"].is_array())
                    for (std::size_t a = 0; a < raw["actions"].size() && a < st.actions.size();
                         ++a) {
                        const Json &act = raw["actions"][a];
                        if (act.contains("set") && act["set"].is_object())
                            st.actions[a].value = act["set"].value("value", Json());
                        if (act.contains("add_fault")) {
                            JsonReader fr(act["add_fault"],
                                          s.pointer() + "/actions/" + std::to_string(a) +
                                              "/add_fault",
                                          path, out.problems);
                            if (fr.is_object()) {
                                read_fault(fr, st.actions[a].fault, 0);
                                fr.finish();
                            }
                        }
                    }
                std::optional<Ms> at;
                s.optional_seconds("at_s", at, 0, 24 * kHour);
                st.at_ms = at;
                std::string wait;
                s.string("wait_for", wait);
                if (!wait.empty()) {
                    if (auto k = event_kind_from(wait))
                        st.wait_for = *k;
                    else
                        s.fail("wait_for", "\"" + wait + "\" is not an event kind");
                }
                s.seconds("timeout_s", st.timeout_ms, 0, 24 * kHour);
                walk.steps.push_back(std::move(st));
            },
            true);
        l.walkthroughs.push_back(std::move(walk));
    });
    r.finish();
    if (!out.problems.empty())
        return out;
    // The body and the scenarios must exist.
    const fs::path base(l.root);
    auto body = read((base / l.body_file).string());
    if (!body)
        out.problems.push_back(
            {path, "/body_file", "cannot read the body \"" + l.body_file + "\""});
    else
        l.body = *body;
    const auto exists = [&](const std::string &rel) {
        return read((base / rel).string()).has_value();
    };
    for (std::size_t i = 0; i < l.scenarios.size(); ++i)
        if (!exists(l.scenarios[i]))
            out.problems.push_back({path, "/scenarios/" + std::to_string(i),
                                    "no scenario file \"" + l.scenarios[i] + "\""});
    for (std::size_t i = 0; i < l.try_this.size(); ++i)
        if (!exists(l.try_this[i].scenario))
            out.problems.push_back({path, "/try_this/" + std::to_string(i) + "/scenario",
                                    "no scenario file \"" + l.try_this[i].scenario + "\""});
    for (std::size_t i = 0; i < l.walkthroughs.size(); ++i)
        if (!exists(l.walkthroughs[i].scenario))
            out.problems.push_back({path, "/walkthroughs/" + std::to_string(i) + "/scenario",
                                    "no scenario file \"" + l.walkthroughs[i].scenario + "\""});
    if (out.problems.empty())
        out.lesson = std::move(l);
    return out;
}

EditResult apply_actions(Scenario &s, const std::vector<LessonAction> &actions,
                         RunOptions &options) {
    for (const auto &a : actions) {
        EditResult r{true, "", ""};
        switch (a.kind) {
        case LessonAction::Kind::set:
            r = set_field(s, a.component, a.field, a.value);
            break;
        case LessonAction::Kind::add_fault:
            r = add_fault(s, a.fault);
            break;
        case LessonAction::Kind::remove_fault:
            r = remove_fault(s, a.id);
            break;
        case LessonAction::Kind::add:
            r = add_component(s, a.add_kind, {}, a.region, a.database);
            break;
        case LessonAction::Kind::link:
            r = link_components(s, a.from, a.to);
            break;
        case LessonAction::Kind::seed:
            options.seed = a.seed;
            break;
        case LessonAction::Kind::play_until:
            break;
        }
        if (!r.ok)
            return r;
    }
    return {true, "", ""};
}

namespace {

std::string number_text(double v) {
    if (v == static_cast<double>(static_cast<long long>(v)) && v > -1e15 && v < 1e15)
        return std::to_string(static_cast<long long>(v));
    return nlohmann::json(v).dump();
}

} // namespace

bool expectation_holds(const Expect &e, std::optional<double> actual) {
    if (!e.value)
        return e.op == "==" ? !actual.has_value() : actual.has_value();
    if (!actual)
        return e.op == "!=";
    const double a = *actual, v = *e.value;
    if (e.op == "<")
        return a < v;
    if (e.op == "<=")
        return a <= v;
    if (e.op == ">")
        return a > v;
    if (e.op == ">=")
        return a >= v;
    if (e.op == "==")
        return a >= v - e.tolerance && a <= v + e.tolerance;
    return a < v - e.tolerance || a > v + e.tolerance;
}

std::string describe(const Expect &e) {
    std::string out = e.figure + " " + e.op + " " + (e.value ? number_text(*e.value) : "null");
    if (e.tolerance > 0)
        out += " (+-" + number_text(e.tolerance) + ")";
    return out;
}

Problems check_lesson_runs(const Lesson &l, const FileReader &read) {
    Problems out;
    const auto load = [&](const std::string &rel,
                          const std::string &where) -> std::optional<Scenario> {
        ScenarioLoad s = load_lesson_scenario(l, rel, read);
        if (!s.scenario) {
            out.push_back({l.file, where,
                           "scenario \"" + rel + "\" does not load: " +
                               (s.problems.empty() ? std::string() : s.problems.front().text())});
            return std::nullopt;
        }
        return s.scenario;
    };
    // Figures the text quotes from the lesson's scenarios must all exist.
    ScenarioRuns runs(l, read);
    const Problems text = lesson_text_problems(l, runs);
    out.insert(out.end(), text.begin(), text.end());
    for (std::size_t i = 0; i < l.scenarios.size(); ++i)
        if (auto s = load(l.scenarios[i], "/scenarios/" + std::to_string(i)))
            (void)simulate(*s);
    for (std::size_t i = 0; i < l.try_this.size(); ++i) {
        const TryThis &t = l.try_this[i];
        const std::string at = "/try_this/" + std::to_string(i);
        auto s = load(t.scenario, at + "/scenario");
        if (!s)
            continue;
        RunOptions options;
        const EditResult r = apply_actions(*s, t.actions, options);
        if (!r.ok) {
            out.push_back({l.file, at + "/actions", "an action cannot be applied: " + r.message});
            continue;
        }
        const bool quotes = t.show.find("{{") != std::string::npos;
        if (!t.expect && !quotes)
            continue;
        const Report report = simulate(*s, options);
        if (t.expect) {
            const auto actual = query_figure(report, t.expect->figure);
            if (!expectation_holds(*t.expect, actual))
                out.push_back({l.file, at + "/expect",
                               "expected " + describe(*t.expect) + ", but the model computes " +
                                   (actual ? number_text(*actual) : std::string("null"))});
        }
        // What the step shows quotes its own run and the lesson's scenarios.
        std::vector<std::string> missing;
        fill_show(t, report, runs, &missing);
        for (const std::string &inside : missing)
            out.push_back(
                {l.file, at + "/show",
                 "\"{{" + inside +
                     "}}\" names no figure of this step's run or of a scenario of the "
                     "lessons folder (unknown, or null there); see failover-lab figures"});
    }
    for (std::size_t w = 0; w < l.walkthroughs.size(); ++w) {
        const Walkthrough &walk = l.walkthroughs[w];
        auto s = load(walk.scenario, "/walkthroughs/" + std::to_string(w) + "/scenario");
        if (!s)
            continue;
        RunOptions options;
        for (std::size_t k = 0; k < walk.steps.size(); ++k) {
            const std::string at =
                "/walkthroughs/" + std::to_string(w) + "/steps/" + std::to_string(k);
            const EditResult r = apply_actions(*s, walk.steps[k].actions, options);
            if (!r.ok) {
                out.push_back({l.file, at, "a step cannot be applied: " + r.message});
                continue;
            }
            // Every figure a caption or a note quotes must exist in this step's run.
            const std::string &caption = walk.steps[k].caption, &notes = walk.steps[k].notes;
            if (caption.find("{{") == std::string::npos && notes.find("{{") == std::string::npos)
                continue;
            const Report report = simulate(*s, options);
            for (const char *field : {"caption", "notes"}) {
                std::vector<std::string> missing;
                fill_figures(field[0] == 'c' ? caption : notes, report, &missing);
                for (const std::string &name : missing)
                    out.push_back({l.file, at + "/" + field,
                                   "\"{{" + name +
                                       "}}\" names no figure of this step's run (unknown, or "
                                       "null here); see failover-lab figures"});
            }
        }
    }
    return out;
}

std::vector<std::string> uncovered_ids(const std::vector<Lesson> &lessons) {
    std::set<std::string> covered;
    for (const auto &l : lessons)
        covered.insert(l.covers.begin(), l.covers.end());
    std::vector<std::string> missing;
    for (int i = 1; i <= 26; ++i)
        if (!covered.count("C" + std::to_string(i)))
            missing.push_back("C" + std::to_string(i));
    return missing;
}

} // namespace model
