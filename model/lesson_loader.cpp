#include "lesson_loader.h"

#include "json_reader.h"
#include "limits.h"

#include <algorithm>
#include <filesystem>

namespace model {

const std::vector<std::pair<const char *, WorkedExample>> &worked_example_names() {
    static const std::vector<std::pair<const char *, WorkedExample>> names{
        {"rto", WorkedExample::rto}, {"break_even", WorkedExample::break_even}};
    return names;
}

const char *to_string(WorkedExample example) {
    for (const auto &[name, e] : worked_example_names())
        if (e == example)
            return name;
    return "";
}

namespace {

namespace fs = std::filesystem;

// The array under key, if the object has one.
const Json *list_at(const Json &object, const char *key) {
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? &*it : nullptr;
}

std::optional<EventKind> event_kind_from(const std::string &name) {
    for (EventKind k : all_event_kinds())
        if (name == to_string(k))
            return k;
    return std::nullopt;
}

// The one key of an action object, read into `act`; `raw` is the same object, for the values
// the field reader does not hold (a set's value, a fault).
void read_action(JsonReader &a, const Json &raw, LessonAction &act, const std::string &file,
                 Problems &problems) {
    int given = 0;
    if (a.has("set")) {
        ++given;
        act.kind = LessonAction::Kind::set;
        a.object("set", [&](JsonReader &s) {
            s.string("component", act.component, true);
            s.string("field", act.field, true);
            if (!s.has("value"))
                s.fail("", "the field \"value\" is required");
            s.mark("value");
        });
        if (raw.at("set").is_object())
            act.value = raw.at("set").value("value", Json());
    }
    if (a.has("add_fault")) {
        ++given;
        act.kind = LessonAction::Kind::add_fault;
        a.mark("add_fault");
        JsonReader fr(raw.at("add_fault"), a.child("add_fault"), file, problems);
        if (fr.is_object()) {
            read_fault(fr, act.fault, 0);
            fr.finish();
        }
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
}

void read_expect(JsonReader &e, const Json &raw, TryThis &step) {
    Expect x;
    e.string("figure", x.figure, true);
    e.string("op", x.op, true);
    if (x.op != "<" && x.op != "<=" && x.op != ">" && x.op != ">=" && x.op != "==" && x.op != "!=")
        e.fail("op", "expected one of < <= > >= == !=, found \"" + x.op + "\"");
    if (!raw.contains("value"))
        e.fail("", "the field \"value\" is required (null means the figure is null)");
    else if (raw.at("value").is_number())
        x.value = raw.at("value").get<double>();
    else if (!raw.at("value").is_null())
        e.fail("value", "expected a number or null");
    e.mark("value");
    e.number("tolerance", x.tolerance, 0, 1e12);
    step.expect = x;
}

// A step's "compare" object: labels for the two sides and the actions that make B.
CompareSpec read_compare(JsonReader &c, const Json &raw, const std::string &file,
                         Problems &problems) {
    CompareSpec spec;
    c.string("a", spec.a);
    c.string("b", spec.b);
    spec.actions = read_lesson_actions(c, raw, file, problems);
    if (!raw.contains("actions") || (raw.at("actions").is_array() && raw.at("actions").empty()))
        c.fail("actions", "a comparison needs at least one action that makes design B");
    for (std::size_t i = 0; i < spec.actions.size(); ++i)
        if (spec.actions[i].kind == LessonAction::Kind::play_until)
            c.fail("actions/" + std::to_string(i),
                   "play_until moves a player, it changes no design; a comparison's actions are "
                   "set, add_fault, remove_fault, add, link or seed");
    return spec;
}

TryThis read_try_this(JsonReader &t, const Json &raw, const Lesson &l, Problems &problems) {
    TryThis step;
    t.string("id", step.id, true);
    t.string("text", step.text, true);
    t.string("scenario", step.scenario);
    t.string("show", step.show);
    step.actions = read_lesson_actions(t, raw, l.file, problems);
    t.object("expect", [&](JsonReader &e) { read_expect(e, raw.at("expect"), step); });
    t.object("predict", [&](JsonReader &p) {
        Prediction pr;
        p.string("question", pr.question, true);
        p.string("figure", pr.figure, true);
        p.string("unit", pr.unit);
        p.number("tolerance", pr.tolerance, 0, 1e12);
        p.number("tolerance_pct", pr.tolerance_pct, 0, 100);
        if (pr.tolerance == 0 && pr.tolerance_pct == 0)
            p.fail("", "a prediction states its tolerance (tolerance or tolerance_pct)");
        step.predict = std::move(pr);
    });
    t.object("compare", [&](JsonReader &c) {
        step.compare = read_compare(c, raw.at("compare"), l.file, problems);
    });
    if (step.scenario.empty() && !l.scenarios.empty())
        step.scenario = l.scenarios.front();
    return step;
}

void read_completion(JsonReader &c, const Json &raw, Lesson &l) {
    c.boolean("read", l.completion.read);
    c.mark("try_this");
    if (!c.has("try_this"))
        return;
    const Json &v = raw.at("try_this");
    if (v == "all") {
        l.completion.steps = CompletionRule::Steps::all;
    } else if (v == "any") {
        l.completion.steps = CompletionRule::Steps::any;
    } else if (v.is_number_unsigned() &&
               v.get<std::uint64_t>() <= static_cast<std::uint64_t>(l.try_this.size())) {
        // Compared as the unsigned number it is, so that no large count wraps to a small one.
        l.completion.steps = CompletionRule::Steps::at_least;
        l.completion.at_least = static_cast<int>(v.get<std::uint64_t>());
    } else if (v.is_number_unsigned()) {
        c.fail("try_this", "the chapter has " + std::to_string(l.try_this.size()) +
                               " \"try this\" steps, so it could never be completed with " +
                               v.dump());
    } else {
        c.fail("try_this", "expected \"all\", \"any\" or a number of steps");
    }
}

void read_worked_examples(JsonReader &r, const Json &root, Lesson &l) {
    std::vector<std::string> names;
    r.strings("worked_examples", names);
    if (!root.contains("worked_examples") || !root.at("worked_examples").is_array())
        return;
    const Json &list = root.at("worked_examples");
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string())
            continue; // reported by strings()
        const std::string name = list[i].get<std::string>();
        const std::string where = "worked_examples/" + std::to_string(i);
        std::optional<WorkedExample> found;
        std::string choices;
        for (const auto &[n, e] : worked_example_names()) {
            choices += (choices.empty() ? "\"" : ", \"") + std::string(n) + "\"";
            if (name == n)
                found = e;
        }
        if (!found)
            r.fail(where, "expected one of " + choices + ", found \"" + name + "\"");
        else if (std::find(l.worked_examples.begin(), l.worked_examples.end(), *found) !=
                 l.worked_examples.end())
            r.fail(where, "\"" + name + "\" is named twice");
        else
            l.worked_examples.push_back(*found);
    }
}

WalkStep read_walk_step(JsonReader &s, const Json &raw, const Lesson &l, Problems &problems) {
    WalkStep st;
    s.string("caption", st.caption, true);
    s.string("notes", st.notes);
    st.actions = read_lesson_actions(s, raw, l.file, problems);
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
    s.object("compare", [&](JsonReader &c) {
        st.compare = read_compare(c, raw.at("compare"), l.file, problems);
    });
    return st;
}

Walkthrough read_walkthrough(JsonReader &w, const Json &raw, const Lesson &l, Problems &problems) {
    Walkthrough walk;
    w.id("id", walk.id);
    w.string("title", walk.title, true);
    w.string("scenario", walk.scenario);
    if (walk.scenario.empty() && !l.scenarios.empty())
        walk.scenario = l.scenarios.front();
    if (const Json *steps = list_at(raw, "steps"); steps && steps->size() > limits::kWalkSteps) {
        w.mark("steps");
        w.fail("steps", "a walkthrough has at most " + std::to_string(limits::kWalkSteps) +
                            " steps; found " + std::to_string(steps->size()));
        return walk;
    }
    w.objects(
        "steps",
        [&](JsonReader &s, std::size_t si) {
            walk.steps.push_back(read_walk_step(s, raw.at("steps").at(si), l, problems));
        },
        true);
    return walk;
}

void read_lesson_covers(JsonReader &r, Lesson &l) {
    r.strings("covers", l.covers);
    for (const std::string &c : l.covers) {
        // At most three digits: no curriculum id is longer, and no count can overflow.
        bool ok = c.size() >= 2 && c.size() <= 4 && c[0] == 'C';
        int n = 0;
        for (std::size_t k = 1; ok && k < c.size(); ++k) {
            ok = c[k] >= '0' && c[k] <= '9';
            n = n * 10 + (c[k] - '0');
        }
        if (!ok || n < 1 || n > 26)
            r.fail("covers",
                   "expected curriculum ids C1 to C26, found \"" + c.substr(0, 40) + "\"");
    }
}

// Every field of the lesson object; problems go to `problems`.
void read_lesson(JsonReader &r, const Json &root, Lesson &l, Problems &problems) {
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
    read_lesson_covers(r, l);
    r.string("body_file", l.body_file, true);
    r.strings("scenarios", l.scenarios);
    if (l.scenarios.empty())
        r.fail("scenarios", "a chapter names at least one scenario");
    bool too_many = false;
    const auto at_most = [&](const char *key, std::size_t count, std::size_t limit,
                             const char *what) {
        too_many = too_many || count > limit;
        if (count > limit)
            r.fail(key, "a chapter has at most " + std::to_string(limit) + " " + what +
                            " (each is loaded and run when the chapter is checked); found " +
                            std::to_string(count) + ": split the chapter");
    };
    at_most("scenarios", l.scenarios.size(), limits::kLessonScenarios, "scenarios");
    read_worked_examples(r, root, l);
    if (const Json *steps = list_at(root, "try_this"))
        at_most("try_this", steps->size(), limits::kTryThisSteps, "\"try this\" steps");
    if (const Json *walks = list_at(root, "walkthroughs"))
        at_most("walkthroughs", walks->size(), limits::kWalkthroughs, "walkthroughs");
    if (too_many)
        return;
    r.objects("try_this", [&](JsonReader &t, std::size_t i) {
        l.try_this.push_back(read_try_this(t, root.at("try_this").at(i), l, problems));
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
    r.object("completion", [&](JsonReader &c) { read_completion(c, root.at("completion"), l); });
    r.objects("walkthroughs", [&](JsonReader &w, std::size_t i) {
        l.walkthroughs.push_back(read_walkthrough(w, root.at("walkthroughs").at(i), l, problems));
    });
    r.finish();
}

// The body must be readable and every scenario the lesson names must exist.
void read_files(Lesson &l, const FileReader &read, Problems &problems) {
    const fs::path base(l.root);
    auto body = read((base / l.body_file).string());
    if (!body)
        problems.push_back({l.file, "/body_file", "cannot read the body \"" + l.body_file + "\""});
    else if (body->size() > limits::kLessonBodyBytes)
        problems.push_back({l.file, "/body_file",
                            "the body \"" + l.body_file + "\" is " + std::to_string(body->size()) +
                                " bytes; a body is at most " +
                                std::to_string(limits::kLessonBodyBytes) + " bytes (4 MiB)"});
    else
        l.body = *body;
    const auto check = [&](const std::string &rel, const std::string &where) {
        if (!read((base / rel).string()).has_value())
            problems.push_back({l.file, where, "no scenario file \"" + rel + "\""});
    };
    for (std::size_t i = 0; i < l.scenarios.size(); ++i)
        check(l.scenarios[i], "/scenarios/" + std::to_string(i));
    for (std::size_t i = 0; i < l.try_this.size(); ++i)
        check(l.try_this[i].scenario, "/try_this/" + std::to_string(i) + "/scenario");
    for (std::size_t i = 0; i < l.walkthroughs.size(); ++i)
        check(l.walkthroughs[i].scenario, "/walkthroughs/" + std::to_string(i) + "/scenario");
}

} // namespace

// The "actions" list of a step; `raw` is the step's object.
std::vector<LessonAction> read_lesson_actions(JsonReader &r, const Json &raw,
                                              const std::string &file, Problems &problems) {
    std::vector<LessonAction> out;
    if (const Json *actions = list_at(raw, "actions");
        actions && actions->size() > limits::kActions) {
        r.mark("actions");
        r.fail("actions", "a step has at most " + std::to_string(limits::kActions) +
                              " actions; found " + std::to_string(actions->size()));
        return out;
    }
    r.objects("actions", [&](JsonReader &a, std::size_t i) {
        LessonAction act;
        read_action(a, raw.at("actions").at(i), act, file, problems);
        out.push_back(std::move(act));
    });
    return out;
}

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

std::string load_failure(const std::string &relative, const std::string &first_problem) {
    return "scenario \"" + relative + "\" does not load: " + first_problem;
}

std::string load_failure(const std::string &relative, const ScenarioLoad &load) {
    return load_failure(relative,
                        load.problems.empty() ? std::string() : load.problems.front().text());
}

LessonLoad load_lesson_file(const std::string &path, const FileReader &read) {
    LessonLoad out;
    auto text = read(path);
    if (!text) {
        out.problems.push_back({path, "", "cannot read the lesson file"});
        return out;
    }
    if (text->size() > limits::kLessonBytes) {
        out.problems.push_back({path, "",
                                "the file is " + std::to_string(text->size()) +
                                    " bytes; a lesson file is at most " +
                                    std::to_string(limits::kLessonBytes) + " bytes (4 MiB)"});
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
    read_lesson(r, *json, l, out.problems);
    if (!out.problems.empty()) {
        cap_problems(out.problems);
        return out;
    }
    read_files(l, read, out.problems);
    if (out.problems.empty())
        out.lesson = std::move(l);
    return out;
}

} // namespace model
