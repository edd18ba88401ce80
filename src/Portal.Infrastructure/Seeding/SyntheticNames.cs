using System.Globalization;

namespace Portal.Infrastructure.Seeding;

/// <summary>The word pools synthetic institutions are named from: the shapes county registers are made of.</summary>
public static class SyntheticNames
{
    public static readonly (string Region, string Name, string En)[] Counties =
    [
        ("330102", "杭州市上城区", "Shangcheng District"), ("330106", "杭州市西湖区", "Xihu District"), ("330109", "杭州市萧山区", "Xiaoshan District"),
        ("330122", "桐庐县", "Tonglu County"), ("330127", "淳安县", "Chun'an County"), ("330723", "武义县", "Wuyi County"),
        ("330727", "磐安县", "Pan'an County"), ("330781", "兰溪市", "Lanxi City"), ("330782", "义乌市", "Yiwu City"), ("330783", "东阳市", "Dongyang City"),
    ];

    private const string Syllables = "安宝北滨长城崇大德东丰凤福高古广桂和河横红华怀黄汇吉嘉江金锦靖康兰乐莲联临龙隆梅明南宁平浦青清庆仁瑞三山上盛石双顺泰塘桃天田通桐万文西溪仙祥新兴秀阳杨义永玉园云泽樟中钟竹";

    private static readonly string[] TownSuffixes = ["镇", "乡", "街道"];

    /// <summary>(kind of unit, sponsor department, purpose).</summary>
    private static readonly (string Unit, string Sponsor, string Purpose)[] Units =
    [
        ("中心小学", "教育局", "实施小学义务教育，促进基础教育发展"), ("初级中学", "教育局", "实施初中义务教育，促进基础教育发展"), ("幼儿园", "教育局", "实施学前教育，促进幼儿身心发展"),
        ("卫生院", "卫生健康局", "提供基本医疗和公共卫生服务"), ("社区卫生服务中心", "卫生健康局", "提供社区基本医疗和公共卫生服务"),
        ("文化站", "文化和广电旅游体育局", "开展群众文化活动"), ("农业技术推广站", "农业农村局", "推广农业技术，服务农业生产"),
        ("林业工作站", "自然资源和规划局", "森林资源保护与林业技术服务"), ("水利管理站", "水务局", "小型水利工程管理与防汛服务"),
        ("便民服务中心", "人民政府", "为群众提供政务便民服务"), ("退役军人服务站", "退役军人事务局", "为退役军人提供服务保障"),
        ("畜牧兽医站", "农业农村局", "动物疫病防控与畜牧技术服务"), ("综合文化站", "文化和广电旅游体育局", "公共文化服务"),
        ("成人文化技术学校", "教育局", "开展成人文化技术培训"), ("敬老院", "民政局", "为特困老年人提供供养服务"),
    ];

    private static readonly (string Unit, string Sponsor, string Purpose)[] CountyUnits =
    [
        ("第{0}中学", "教育局", "实施高中教育，促进基础教育发展"), ("第{0}人民医院", "卫生健康局", "提供医疗救治与公共卫生服务"),
        ("疾病预防控制中心第{0}分中心", "卫生健康局", "疾病预防控制与卫生监测"), ("图书馆第{0}分馆", "文化和广电旅游体育局", "公共图书借阅与阅读推广"),
        ("职业技术学校第{0}校区", "教育局", "实施中等职业教育"), ("公共资源交易中心第{0}服务点", "人民政府办公室", "公共资源交易服务"),
        ("不动产登记服务中心第{0}窗口", "自然资源和规划局", "不动产登记服务"), ("档案馆第{0}库", "档案局", "档案收集保管与利用"),
    ];

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢";
    private const string GivenChars = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国志军晓东海燕文斌立群";

    public static (string Name, (string Unit, string Sponsor, string Purpose) Unit) Name(Random random, string county, int ordinal)
    {
        if (random.Next(10) == 0)
        {
            var unit = CountyUnits[random.Next(CountyUnits.Length)];
            return (county + string.Format(CultureInfo.InvariantCulture, unit.Unit, ordinal % 997 + 1), unit);
        }

        var town = Syllables[random.Next(Syllables.Length)].ToString() + Syllables[random.Next(Syllables.Length)] + TownSuffixes[random.Next(TownSuffixes.Length)];
        var village = random.Next(3) == 0 ? Syllables[random.Next(Syllables.Length)].ToString() + Syllables[random.Next(Syllables.Length)] + "村" : string.Empty;
        var u = Units[random.Next(Units.Length)];
        return (county + town + village + u.Unit, u);
    }

    public static string Person(Random random) =>
        Surnames[random.Next(Surnames.Length)].ToString() + GivenChars[random.Next(GivenChars.Length)] + (random.Next(2) == 0 ? GivenChars[random.Next(GivenChars.Length)].ToString() : string.Empty);

    public static string Street(Random random) =>
        Syllables[random.Next(Syllables.Length)].ToString() + Syllables[random.Next(Syllables.Length)] + "路" + (1 + random.Next(300)).ToString(CultureInfo.InvariantCulture) + "号";
}
