//! X's direct messages: how many in each conversation, and when; nothing of their text.
//!
//! Where from: X's archive (see `guides::X`), `data/direct-messages.js`
//! (`window.YTD.direct_messages.part0`) and `data/direct-messages-group.js`
//! (`YTD.direct_messages_group.part0`), split as `…-part1.js`… when long, formats.md section 6:
//! `[{"dmConversation": {"conversationId": "<idA>-<idB>", "messages": [{"messageCreate":
//! {"id", "senderId", "recipientId", "text", "createdAt": "2023-08-12T16:10:37.000Z", …}}]}}]`,
//! newest first; a group's messages also hold `joinConversation`, `participantsJoin`,
//! `participantsLeave` and `conversationNameUpdate` events, which are not messages and are
//! passed over. Each `messageCreate` → `message(conversationId, None, createdAt)`: the file does
//! not name the account, so whether the person sent a message is not known (the senders' ids are
//! not read). The text, links, media and reactions are not read.

use std::io::Read;

use serde_json::Value;

use super::x::{self, Step, Walker};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::Platform;
use crate::model::Sink;

/// `direct-messages.js`, `direct-messages-group.js`.
pub struct XDirectMessages;

const TYPES: [&str; 2] = ["direct_messages", "direct_messages_group"];

struct Pass<'a> {
    out: &'a mut dyn Sink,
    /// The conversation being read (its id comes before its messages).
    conversation: String,
}

impl Walker for Pass<'_> {
    fn step(&mut self, path: &str) -> Step {
        match path {
            "$[]"
            | "$[].dmConversation"
            | "$[].dmConversation.conversationId"
            | "$[].dmConversation.messages"
            | "$[].dmConversation.messages[]" => Step::Descend,
            "$[].dmConversation.messages[].messageCreate" => Step::Take,
            _ => Step::Skip,
        }
    }

    fn take(&mut self, path: &str, value: Value) {
        match path {
            "$[].dmConversation.conversationId" => {
                self.conversation = x::text(&value).unwrap_or_default();
            }
            "$[].dmConversation.messages[].messageCreate" => {
                let at = x::str_at(&value, "createdAt").and_then(x::parse_time);
                self.out.message(&self.conversation, None, at);
            }
            _ => {}
        }
    }
}

impl Source for XDirectMessages {
    fn id(&self) -> &'static str {
        "x.direct_messages"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "X (Twitter), messages privés (leur nombre et leurs heures)",
            Lang::En => "X (Twitter) direct messages (how many, and when)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::X
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::X)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        x::claim(self.id(), &TYPES, head)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        x::walk(
            reader,
            &TYPES,
            &mut Pass {
                out,
                conversation: String::new(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    #[test]
    fn each_message_is_counted_in_its_conversation_with_its_time() {
        let doc = br#"window.YTD.direct_messages_group.part0 = [ { "dmConversation" : {
            "conversationId" : "1600000000000000000",
            "messages" : [
              { "messageCreate" : { "id" : "1", "senderId" : "11", "text" : "salut",
                                    "createdAt" : "2023-08-12T16:10:37.000Z" } },
              { "joinConversation" : { "initiatingUserId" : "11", "createdAt" : "2023-08-12T16:00:00.000Z" } },
              { "messageCreate" : { "id" : "2", "senderId" : "12", "createdAt" : "garbage" } }
            ] } },
          { "dmConversation" : { "conversationId" : "11-12", "messages" : [
              { "messageCreate" : { "createdAt" : "2023-08-12T16:11:37.000Z" } } ] } } ]"#;
        let (out, error) = collect(&XDirectMessages, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.messages,
            [
                ("1600000000000000000".to_owned(), None, Some(1_691_856_637)),
                ("1600000000000000000".to_owned(), None, None),
                ("11-12".to_owned(), None, Some(1_691_856_697)),
            ]
        );
        let (out, error) = collect(&XDirectMessages, &doc[..doc.len() - 8]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.messages.len(), 3);
        let other = b"window.YTD.direct_message_headers.part0 = []";
        assert!(XDirectMessages
            .detect("data/direct-message-headers.js", other)
            .is_none());
        assert_eq!(
            collect(&XDirectMessages, other).1,
            Some(ErrorKind::WrongType)
        );
    }
}
