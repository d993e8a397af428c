# Sourced by the screenshot scripts: the terminal size, and `shot NAME`, which saves the tmux
# session's screen as screenshots/NAME.txt and NAME.png (rendered by scripts/AnsiToPng.java).
# Needs $here, $session and $home (a scratch folder) set.
out="$here/screenshots"
cols=110
rows=32
mkdir -p "$out"
shot() { # NAME: save the current screen as NAME.txt and NAME.png
  tmux capture-pane -t "$session" -p > "$out/$1.txt"
  tmux capture-pane -t "$session" -e -p -N > "$home/$1.ansi"
  java "$here/scripts/AnsiToPng.java" "$home/$1.ansi" "$out/$1.png" "$cols"
  echo "screenshots/$1.png"
}
