import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders a terminal capture with ANSI colours (tmux capture-pane -e) to a PNG, cell by cell,
 * so the screenshots in screenshots/ are real renders of the console, not drawings.
 * Usage: java scripts/AnsiToPng.java CAPTURE.ansi OUT.png COLUMNS
 */
public final class AnsiToPng {
    private static final Color[] ANSI = {
        new Color(0x1e1e1e), new Color(0xcd3131), new Color(0x0dbc79), new Color(0xe5e510),
        new Color(0x2472c8), new Color(0xbc3fbc), new Color(0x11a8cd), new Color(0xe5e5e5),
        new Color(0x666666), new Color(0xf14c4c), new Color(0x23d18b), new Color(0xf5f543),
        new Color(0x3b8eea), new Color(0xd670d6), new Color(0x29b8db), new Color(0xffffff)};
    private static final Color DEFAULT_FG = ANSI[7];
    private static final Color DEFAULT_BG = ANSI[0];
    private static final String FONT_DIR = "/usr/share/fonts/truetype/dejavu/";

    /** The SGR state, which tmux carries from one captured line to the next. */
    private static final class Pen {
        Color fg = DEFAULT_FG;
        Color bg = DEFAULT_BG;
        boolean bold;
        boolean reverse;
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        int columns = Integer.parseInt(args[2]);
        Font font = Font.createFont(Font.TRUETYPE_FONT, new File(FONT_DIR + "DejaVuSansMono.ttf")).deriveFont(15f);
        Font bold = Font.createFont(Font.TRUETYPE_FONT, new File(FONT_DIR + "DejaVuSansMono-Bold.ttf")).deriveFont(15f);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        int cw = fm.charWidth('M');
        int ch = fm.getHeight();
        BufferedImage img = new BufferedImage(cw * columns + 16, ch * lines.size() + 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(DEFAULT_BG);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        Pen pen = new Pen();
        for (int row = 0; row < lines.size(); row++) {
            drawLine(g, pen, lines.get(row), 8, 8 + row * ch, cw, ch, fm.getAscent(), font, bold);
        }
        ImageIO.write(img, "png", new File(args[1]));
    }

    private static void drawLine(Graphics2D g, Pen pen, String line, int x0, int y, int cw, int ch, int ascent,
                                 Font font, Font bold) {
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0x1b && i + 1 < line.length() && line.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < line.length() && !Character.isLetter(line.charAt(end))) {
                    end++;
                }
                if (end < line.length() && line.charAt(end) == 'm') {
                    String[] codes = line.substring(i + 2, end).split(";");
                    for (int k = 0; k < codes.length; k++) {
                        int code = codes[k].isEmpty() ? 0 : Integer.parseInt(codes[k]);
                        if (code == 0) {
                            pen.fg = DEFAULT_FG;
                            pen.bg = DEFAULT_BG;
                            pen.bold = false;
                            pen.reverse = false;
                        } else if (code == 1) {
                            pen.bold = true;
                        } else if (code == 7) {
                            pen.reverse = true;
                        } else if (code == 22) {
                            pen.bold = false;
                        } else if (code == 27) {
                            pen.reverse = false;
                        } else if (code >= 30 && code <= 37) {
                            pen.fg = ANSI[code - 30];
                        } else if (code >= 90 && code <= 97) {
                            pen.fg = ANSI[code - 90 + 8];
                        } else if (code >= 40 && code <= 47) {
                            pen.bg = ANSI[code - 40];
                        } else if (code >= 100 && code <= 107) {
                            pen.bg = ANSI[code - 100 + 8];
                        } else if (code == 39) {
                            pen.fg = DEFAULT_FG;
                        } else if (code == 49) {
                            pen.bg = DEFAULT_BG;
                        } else if ((code == 38 || code == 48) && k + 2 < codes.length && codes[k + 1].equals("5")) {
                            Color c256 = xterm256(Integer.parseInt(codes[k + 2]));
                            if (code == 38) {
                                pen.fg = c256;
                            } else {
                                pen.bg = c256;
                            }
                            k += 2;
                        }
                    }
                }
                i = end;
                continue;
            }
            Color f = pen.reverse ? pen.bg : pen.fg;
            Color b = pen.reverse ? pen.fg : pen.bg;
            g.setColor(b);
            g.fillRect(x0 + col * cw, y, cw, ch);
            g.setColor(f);
            g.setFont(pen.bold ? bold : font);
            g.drawString(String.valueOf(c), x0 + col * cw, y + ascent);
            col++;
        }
    }

    private static Color xterm256(int n) {
        if (n < 16) {
            return ANSI[n];
        }
        if (n >= 232) {
            int v = 8 + (n - 232) * 10;
            return new Color(v, v, v);
        }
        int i = n - 16;
        int[] steps = {0, 95, 135, 175, 215, 255};
        return new Color(steps[i / 36], steps[i / 6 % 6], steps[i % 6]);
    }
}
