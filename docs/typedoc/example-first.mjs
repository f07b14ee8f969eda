// TypeDoc plugin: show each declaration's example right after its description, before the parameters,
// remarks and throws. A reader sees what the function does and how a call looks first.
import { Converter } from "typedoc";

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      const comment = reflection.comment;
      if (comment === undefined) continue;
      const examples = comment.blockTags.filter((t) => t.tag === "@example");
      if (examples.length === 0) continue;
      comment.blockTags = comment.blockTags.filter((t) => t.tag !== "@example");
      for (const e of examples) comment.summary.push({ kind: "text", text: "\n\n**Example**\n\n" }, ...e.content);
    }
  });
}
